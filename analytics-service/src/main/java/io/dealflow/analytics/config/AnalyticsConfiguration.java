package io.dealflow.analytics.config;

import io.dealflow.analytics.projection.DayCounts;
import io.dealflow.platform.lifecycle.PeriodicTask;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class AnalyticsConfiguration {

    /** "Now" for open visits, the funnel and stuck deals; injectable so that tests pin it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Keeps the additive reports reading about one row per key, however many batches were applied. */
    @Bean
    PeriodicTask dayCountsCompaction(DayCounts counts, AnalyticsProperties properties) {
        return new PeriodicTask("day-counts-compaction", properties.countsCompactInterval(), counts::compact);
    }
}
