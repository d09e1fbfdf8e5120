package io.dealflow.soak.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * When the soak injects which fault: {@code count} faults spread over the traffic time, between a first tenth of
 * calm (so there is something in flight to lose) and the last tenth (so the traffic sees the recovery), each at a
 * random moment of its own slot. The kinds take turns so that every service is killed in turn, between broker
 * restarts and killed database connections; a PostgreSQL restart joins the turns only when asked for.
 */
public final class FaultPlan {

    /** The services the launcher runs, killed in this order. */
    public static final List<String> SERVICES = List.of("deal-service", "task-service", "handoff-service",
            "analytics-service", "auth-server");

    private FaultPlan() {
    }

    public static List<PlannedFault> plan(Duration traffic, int count, boolean pgRestart, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("a fault count cannot be negative: " + count);
        }
        List<PlannedFault> plan = new ArrayList<>();
        if (count == 0) {
            return plan;
        }
        Random random = new Random(seed);
        long start = traffic.toMillis() / 10;
        long slot = (traffic.toMillis() - 2 * start) / count;
        int kills = 0;
        for (int i = 0; i < count; i++) {
            Duration after = Duration.ofMillis(start + i * slot + (long) (random.nextDouble() * slot * 0.8));
            FaultKind kind = switch (i % 4) {
                case 0, 2 -> FaultKind.KILL_SERVICE;
                case 1 -> FaultKind.KAFKA_RESTART;
                default -> pgRestart && (i / 4) % 2 == 1 ? FaultKind.PG_RESTART : FaultKind.PG_CONNECTIONS;
            };
            String target = kind == FaultKind.KILL_SERVICE ? SERVICES.get(kills++ % SERVICES.size()) : null;
            plan.add(new PlannedFault(after, kind, target));
        }
        return plan;
    }
}
