package io.dealflow.analytics.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param catchUpWindow   R9: forward stage changes each within this of the previous one form a catch-up run
 * @param replayBatchSize the most records a rebuild polls and applies at once
 * @param replayLanes     how many transactions a rebuild runs at once, each for its share of the deals
 * @param countsCompactInterval how often the day counts' delta rows are folded into one row per key
 */
@ConfigurationProperties("dealflow.analytics")
public record AnalyticsProperties(Duration catchUpWindow, Integer replayBatchSize, Integer replayLanes,
                                  Duration countsCompactInterval) {

    public AnalyticsProperties {
        catchUpWindow = catchUpWindow == null ? Duration.ofMinutes(10) : catchUpWindow;
        replayBatchSize = replayBatchSize == null ? 5000 : replayBatchSize;
        replayLanes = replayLanes == null ? 2 : replayLanes;
        countsCompactInterval = countsCompactInterval == null ? Duration.ofSeconds(30) : countsCompactInterval;
        if (replayBatchSize < 1 || replayLanes < 1) {
            throw new IllegalArgumentException(
                    "dealflow.analytics.replay-batch-size and replay-lanes must be positive");
        }
        if (catchUpWindow.isNegative()) {
            throw new IllegalArgumentException("dealflow.analytics.catch-up-window must not be negative");
        }
    }
}
