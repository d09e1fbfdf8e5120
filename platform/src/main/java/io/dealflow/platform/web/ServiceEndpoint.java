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
    /** Tries per call, the first included, while the answer is worth trying again (a conflict, an outage). */
    private int attempts = 3;
    /** The pause before the second try; each further pause doubles it. */
    private Duration firstBackoff = Duration.ofMillis(200);

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

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public Duration getFirstBackoff() {
        return firstBackoff;
    }

    public void setFirstBackoff(Duration firstBackoff) {
        this.firstBackoff = firstBackoff;
    }
}
