package io.dealflow.platform.web;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/** REST clients for calling another Dealflow service: bounded connect and read times, so a slow peer fails fast. */
public final class ServiceClients {

    private ServiceClients() {
    }

    /**
     * @param interceptors e.g. the service's {@code ServiceTokenInterceptor}, which gives every call the service's
     *                     own access token
     */
    public static RestClient restClient(ServiceEndpoint endpoint, ClientHttpRequestInterceptor... interceptors) {
        return restClient(endpoint.getUrl(), endpoint.getTimeout(), interceptors);
    }

    public static RestClient restClient(URI baseUrl, Duration timeout, ClientHttpRequestInterceptor... interceptors) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(timeout);
        return RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(requests)
                .requestInterceptors(list -> list.addAll(List.of(interceptors))).build();
    }
}
