package io.dealflow.platform.web;

import java.net.URI;
import java.time.Duration;

/**
 * Where another Dealflow service listens and how long to wait for it. A service binds one per peer, e.g.
 * {@code @Bean @ConfigurationProperties("dealflow.deal-service") ServiceEndpoint dealService()}.
 */
public class ServiceEndpoint {

    private URI url;
    private Duration timeout = Duration.ofSeconds(10);

    public URI getUrl() {
        return url;
    }

    public void setUrl(URI url) {
        this.url = url;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
