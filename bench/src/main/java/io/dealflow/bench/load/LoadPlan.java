package io.dealflow.bench.load;

import io.dealflow.bench.config.Target;
import io.dealflow.bench.lag.LagProbe;
import io.dealflow.bench.measure.Latencies;
import io.dealflow.bench.measure.PerSecond;
import io.dealflow.bench.pipeline.BenchPipeline;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Gatling run's parameters and the place its measurements go. Gatling instantiates a simulation by class name
 * with no arguments, so the run in progress is handed over through {@link #current()}; runs never overlap.
 *
 * @param users      virtual users of a closed-loop run, one connection each
 * @param rate       arrivals per second of an open-loop run
 * @param lagProbe   when present, every {@code sampleEvery}-th answered command is followed to task-service and
 *                   analytics
 */
public record LoadPlan(Target target, BenchPipeline pipeline, int users, double rate, Duration duration,
                       int dealsPerUser, Optional<LagProbe> lagProbe, int sampleEvery,
                       Map<String, Latencies> metrics, PerSecond perSecond) {

    private static volatile LoadPlan current;

    public static LoadPlan closedLoop(Target target, BenchPipeline pipeline, int users, Duration duration,
                                      int dealsPerUser) {
        return new LoadPlan(target, pipeline, users, 0, duration, dealsPerUser, Optional.empty(), 0,
                new ConcurrentHashMap<>(), new PerSecond());
    }

    public static LoadPlan openLoop(Target target, BenchPipeline pipeline, double rate, Duration duration,
                                    Optional<LagProbe> lagProbe, int sampleEvery) {
        return new LoadPlan(target, pipeline, 0, rate, duration, 0, lagProbe, sampleEvery,
                new ConcurrentHashMap<>(), new PerSecond());
    }

    public Latencies metric(String name) {
        return metrics.computeIfAbsent(name, n -> new Latencies());
    }

    static LoadPlan current() {
        LoadPlan plan = current;
        if (plan == null) {
            throw new IllegalStateException("A bench simulation runs only through GatlingRun");
        }
        return plan;
    }

    static void begin(LoadPlan plan) {
        current = plan;
    }

    static void end() {
        current = null;
    }
}
