package io.dealflow.handoff.web;

import io.dealflow.handoff.handoff.HandoffRefusal;
import io.dealflow.platform.refusal.RefusalProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.dealflow.handoff.handoff.HandoffRefusal.*;

/** handoff-service's one table from a refusal to its HTTP status, as {@code docs/rest.md} says. */
@Configuration(proxyBeanMethods = false)
public class HandoffServiceProblems {

    private static final int NOT_FOUND = 404;
    private static final int RULE_REFUSED = 422;

    public static final RefusalProblems TABLE = RefusalProblems.builder()
            .map(HandoffNotFound.class, NOT_FOUND)
            .map(HandoffNotFailed.class, RULE_REFUSED)
            .map(NoReceiver.class, RULE_REFUSED)
            .covering(HandoffRefusal.class)
            .build();

    @Bean
    RefusalProblems handoffServiceRefusalProblems() {
        return TABLE;
    }
}
