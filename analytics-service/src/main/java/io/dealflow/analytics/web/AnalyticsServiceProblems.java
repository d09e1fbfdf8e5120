package io.dealflow.analytics.web;

import io.dealflow.analytics.pipeline.ReportRefusal;
import io.dealflow.platform.refusal.RefusalProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.dealflow.analytics.pipeline.ReportRefusal.*;

/** analytics-service's one table from a refusal to its HTTP status, as {@code docs/rest.md} says. */
@Configuration(proxyBeanMethods = false)
public class AnalyticsServiceProblems {

    private static final int NOT_FOUND = 404;

    public static final RefusalProblems TABLE = RefusalProblems.builder()
            .map(PipelineUnknown.class, NOT_FOUND)
            .covering(ReportRefusal.class)
            .build();

    @Bean
    RefusalProblems analyticsServiceRefusalProblems() {
        return TABLE;
    }
}
