package io.dealflow.analytics.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** @param catchUpWindow R9: forward stage changes each within this of the previous one form a catch-up run */
@ConfigurationProperties("dealflow.analytics")
public record AnalyticsProperties(Duration catchUpWindow) {

    public AnalyticsProperties {
        catchUpWindow = catchUpWindow == null ? Duration.ofMinutes(10) : catchUpWindow;
        if (catchUpWindow.isNegative()) {
            throw new IllegalArgumentException("dealflow.analytics.catch-up-window must not be negative");
        }
    }
}
