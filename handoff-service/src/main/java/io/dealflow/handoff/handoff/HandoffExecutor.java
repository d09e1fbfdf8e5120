package io.dealflow.handoff.handoff;

import io.dealflow.handoff.route.HandoffProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Carries out recorded handoffs: opens the deal in the target pipeline and records the result. A transient failure
 * is retried with growing pauses; a refusal (4xx) is kept as FAILED with the problem until a person retries it.
 */
@Component
class HandoffExecutor {

    static final int MAX_PER_ROUND = 50;
    private static final Logger log = LoggerFactory.getLogger(HandoffExecutor.class);

    private final HandoffStore store;
    private final DealServiceClient dealService;
    private final TransactionTemplate transaction;
    private final HandoffProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    HandoffExecutor(HandoffStore store, DealServiceClient dealService, TransactionTemplate transaction,
                    HandoffProperties properties, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.dealService = dealService;
        this.transaction = transaction;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dealflow.handoff.poll-interval:PT1S}")
    void runDue() {
        for (int i = 0; i < MAX_PER_ROUND; i++) {
            Boolean attempted = transaction.execute(status -> attemptNext());
            if (!Boolean.TRUE.equals(attempted)) {
                return;
            }
        }
    }

    /** The handoff's row stays locked during the call: two instances never attempt the same handoff at once. */
    private boolean attemptNext() {
        Optional<Handoff> due = store.claimDue(clock.instant());
        if (due.isEmpty()) {
            return false;
        }
        Handoff handoff = due.get();
        HandoffOutcome outcome = dealService.handOff(handoff);
        Instant now = clock.instant();
        String route = handoff.fromPipelineId() + "->" + handoff.toPipelineId();
        switch (outcome.kind()) {
            case OPENED -> {
                store.done(handoff.sourceDealId(), outcome.targetDealId(), now);
                Timer.builder("dealflow.handoff.latency")
                        .description("From the deal being won to its copy opened in the next pipeline")
                        .tag("route", route).register(meters)
                        .record(Duration.between(handoff.wonAt(), now));
            }
            case REFUSED -> {
                log.warn("deal-service refused handoff of deal {} ({}): {}", handoff.sourceDealId(), route,
                        outcome.problem());
                store.failed(handoff.sourceDealId(), outcome.targetDealId(), outcome.problem(), null);
            }
            case UNAVAILABLE -> store.failed(handoff.sourceDealId(), outcome.targetDealId(), outcome.problem(),
                    now.plus(backoff(handoff.attempts())));
        }
        meters.counter("dealflow.handoffs", "route", route, "outcome", outcome.kind().name().toLowerCase())
                .increment();
        return true;
    }

    /** 1 s, 2 s, 4 s, … up to the configured maximum. */
    private Duration backoff(int attemptsSoFar) {
        Duration pause = Duration.ofSeconds(1L << Math.min(attemptsSoFar, 20));
        return pause.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : pause;
    }
}
