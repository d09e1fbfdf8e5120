package io.dealflow.task.overdue;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

@ConfigurationProperties("dealflow.deal-service")
public record DealServiceProperties(URI url, Duration timeout) {

    public DealServiceProperties {
        url = url == null ? URI.create("http://127.0.0.1:8081") : url;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
