package io.dealflow.handoff.route;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * @param routes      explicit routes; they win over a pipeline's {@code handoffTo}
 * @param departments department → members, who receive in turn on routes that come from a pipeline's
 *                    {@code handoffTo} (the receiving pipeline names its department)
 * @param maxBackoff  the longest pause between automatic retries after a transient failure
 * @param lease       how long an attempt owns its handoff; longer than an attempt's calls with their retries, or
 *                    a second instance may attempt it meanwhile (harmless, since the deal's id is derived)
 */
@ConfigurationProperties("dealflow.handoff")
public record HandoffProperties(Duration pollInterval, Duration maxBackoff, Duration lease, List<Route> routes,
                                Map<String, List<String>> departments) {

    public HandoffProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        routes = routes == null ? List.of() : List.copyOf(routes);
        departments = departments == null ? Map.of() : Map.copyOf(departments);
    }
}
