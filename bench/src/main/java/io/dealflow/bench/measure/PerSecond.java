package io.dealflow.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/** Latencies bucketed by the second in which each request was answered, counted from the first answer. */
public final class PerSecond {

    private final ConcurrentMap<Long, Latencies> seconds = new ConcurrentHashMap<>();

    public void recordMillis(long millis) {
        long second = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime());
        seconds.computeIfAbsent(second, s -> new Latencies()).recordMillis(millis);
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        long first = seconds.keySet().stream().mapToLong(Long::longValue).min().orElse(0);
        seconds.keySet().stream().sorted().forEach(second -> {
            Latencies.Summary summary = seconds.get(second).summary();
            rows.add(new Row(second - first, summary.count(), summary.p50Ms(), summary.p99Ms(), summary.maxMs()));
        });
        return rows;
    }

    public record Row(long second, long answered, double p50Ms, double p99Ms, double maxMs) {
    }
}
