package io.dealflow.handoff.handoff;

import io.dealflow.handoff.route.HandoffProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Carries out recorded handoffs: opens the deal in the target pipeline and records the result. A transient failure
 * is retried with growing pauses; a refusal (4xx) is kept as FAILED with the problem until a person retries it.
 *
 * <p>No transaction and no row lock is held while deal-service is called: an attempt claims its handoff with a
 * lease (one statement), calls, then records the outcome (a second statement) only if the lease is still its own.
 * An instance that dies mid-attempt leaves a lease that runs out; the next claimant repeats the calls, which opens
 * nothing twice because the deal's id is derived from the handoff.
 */
@Component
class HandoffExecutor {

    static final int MAX_PER_ROUND = 50;
    private static final Logger log = LoggerFactory.getLogger(HandoffExecutor.class);

    /** This instance, as leases name it. */
    private final String claimant = "handoff-service/" + UUID.randomUUID();
    private final HandoffStore store;
    private final HandoffSender sender;
    private final HandoffProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    HandoffExecutor(HandoffStore store, HandoffSender sender, HandoffProperties properties, MeterRegistry meters,
                    Clock clock) {
        this.store = store;
        this.sender = sender;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dealflow.handoff.poll-interval:PT1S}")
    void runDue() {
        for (int i = 0; i < MAX_PER_ROUND; i++) {
            Optional<HandoffClaim> due = store.claimDue(clock.instant(), claimant, properties.lease());
            if (due.isEmpty()) {
                return;
            }
            attempt(due.get());
        }
    }

    private void attempt(HandoffClaim claim) {
        Handoff handoff = claim.handoff();
        HandoffOutcome outcome = sender.handOff(handoff);
        Instant now = clock.instant();
        String route = handoff.fromPipelineId() + "->" + handoff.toPipelineId();
        boolean recorded = switch (outcome.kind()) {
            case OPENED -> {
                boolean done = store.done(claim, outcome.targetDealId(), now);
                if (done) {
                    Timer.builder("dealflow.handoff.latency")
                            .description("From the deal being won to its copy opened in the next pipeline")
                            .tag("route", route).register(meters)
                            .record(Duration.between(handoff.wonAt(), now));
                }
                yield done;
            }
            case REFUSED -> {
                log.warn("deal-service refused handoff of deal {} ({}): {}", handoff.sourceDealId(), route,
                        outcome.problem());
                yield store.failed(claim, outcome.targetDealId(), outcome.problem(), null);
            }
            case UNAVAILABLE -> store.failed(claim, outcome.targetDealId(), outcome.problem(),
                    now.plus(backoff(handoff.attempts())));
        };
        if (!recorded) {
            log.warn("The lease on the handoff of deal {} ran out during its attempt ({}); the attempt that holds it "
                    + "now records the outcome. Raise dealflow.handoff.lease above the longest attempt.",
                    handoff.sourceDealId(), outcome.kind());
        }
        meters.counter("dealflow.handoffs", "route", route, "outcome", outcome.kind().name().toLowerCase())
                .increment();
    }

    /** 1 s, 2 s, 4 s, … up to the configured maximum. */
    private Duration backoff(int attemptsSoFar) {
        Duration pause = Duration.ofSeconds(1L << Math.min(attemptsSoFar, 20));
        return pause.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : pause;
    }
}
