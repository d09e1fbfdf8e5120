package io.dealflow.bench.measure;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latencies of one measured thing, in microseconds (HdrHistogram, 3 significant digits, up to an hour), with the
 * failures beside them and the wall-clock window they were taken in, so a rate is count over that window.
 */
public final class Latencies {

    private static final long HOUR_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Histogram histogram = new ConcurrentHistogram(HOUR_MICROS, 3);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong shed = new AtomicLong();
    private final AtomicLong firstNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastNanos = new AtomicLong(Long.MIN_VALUE);

    public void recordNanos(long startNanos, long endNanos) {
        histogram.recordValue(Math.min(HOUR_MICROS, Math.max(0, (endNanos - startNanos) / 1_000)));
        window(startNanos, endNanos);
    }

    /** Gatling measures in milliseconds; the window is then the time of the recording. */
    public void recordMillis(long millis) {
        long now = System.nanoTime();
        histogram.recordValue(Math.min(HOUR_MICROS, Math.max(0, millis * 1_000)));
        window(now - TimeUnit.MILLISECONDS.toNanos(millis), now);
    }

    public void error() {
        errors.incrementAndGet();
    }

    /** 503 {@code service-overloaded}: refused at once by the admission limit; an error as well. */
    public void shed() {
        shed.incrementAndGet();
        errors.incrementAndGet();
    }

    public long shedCount() {
        return shed.get();
    }

    private void window(long startNanos, long endNanos) {
        firstNanos.accumulateAndGet(startNanos, Math::min);
        lastNanos.accumulateAndGet(endNanos, Math::max);
    }

    public Summary summary() {
        long count = histogram.getTotalCount();
        double seconds = count == 0 ? 0 : (lastNanos.get() - firstNanos.get()) / 1e9;
        return new Summary(count, errors.get(), seconds, count == 0 || seconds <= 0 ? 0 : count / seconds,
                millis(50), millis(95), millis(99), count == 0 ? 0 : histogram.getMaxValue() / 1000.0);
    }

    private double millis(double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** @param perSecond successful operations per second of the window */
    public record Summary(long count, long errors, double seconds, double perSecond, double p50Ms, double p95Ms,
                          double p99Ms, double maxMs) {
    }
}
