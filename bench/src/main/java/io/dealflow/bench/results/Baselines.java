package io.dealflow.bench.results;

import io.dealflow.bench.measure.Latencies;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The raw figures of this run that every other figure is divided by. */
public final class Baselines {

    private final Map<Integer, Latencies.Summary> inserts = new TreeMap<>();
    private Latencies.Summary kafka;

    public void insert(int connections, Latencies.Summary summary) {
        inserts.put(connections, summary);
    }

    public void kafka(Latencies.Summary summary) {
        kafka = summary;
    }

    public Optional<Latencies.Summary> insert(int connections) {
        return Optional.ofNullable(inserts.get(connections));
    }

    public Optional<Latencies.Summary> kafka() {
        return Optional.ofNullable(kafka);
    }
}
