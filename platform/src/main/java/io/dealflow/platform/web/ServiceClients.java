package io.dealflow.platform.web;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** REST clients for calling another Dealflow service: bounded connect and read times, so a slow peer fails fast. */
public final class ServiceClients {

    private ServiceClients() {
    }

    public static RestClient restClient(ServiceEndpoint endpoint) {
        return restClient(endpoint.getUrl(), endpoint.getTimeout());
    }

    public static RestClient restClient(URI baseUrl, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(timeout);
        return RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(requests).build();
    }
}
