package io.dealflow.bench.results;

import io.dealflow.bench.measure.PerSecond;

import java.time.Instant;
import java.util.List;

/**
 * A whole run: where and when, what was measured, and what went wrong. {@code failures} lists scenarios that could
 * not be measured at all; per-operation errors are on each figure.
 */
public record Results(Instant startedAt, Instant finishedAt, Machine machine, String target, List<String> scenarios,
                      List<String> notes, List<Figure> figures, List<PerSecond.Row> fixedRatePerSecond,
                      List<String> failures) {
}
