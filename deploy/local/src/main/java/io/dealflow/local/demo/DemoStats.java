package io.dealflow.local.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** What the demo did, counted per kind of action, for the one-line summary it logs every minute. */
final class DemoStats {

    private final Map<String, LongAdder> counts = new ConcurrentSkipListMap<>();

    void count(String what) {
        counts.computeIfAbsent(what, key -> new LongAdder()).increment();
    }

    String summary() {
        return counts.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue().sum())
                .collect(Collectors.joining(" "));
    }
}
