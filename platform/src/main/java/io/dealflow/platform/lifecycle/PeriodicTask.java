package io.dealflow.platform.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Housekeeping that runs every {@code interval} on a daemon thread of its own while the application runs, in services
 * that enable no Spring scheduling. A failed round is logged and the next one tries again: housekeeping must never
 * disturb the service. It stops before the DataSource closes (a lower phase stops later), after the consumers and the
 * web server.
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Duration firstDelay;
    private final Runnable round;
    private ScheduledExecutorService scheduler;

    /** A task whose first round runs one interval after the start. */
    public PeriodicTask(String name, Duration interval, Runnable round) {
        this(name, interval, interval, round);
    }

    private PeriodicTask(String name, Duration interval, Duration firstDelay, Runnable round) {
        this.name = Objects.requireNonNull(name, "name");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.firstDelay = Objects.requireNonNull(firstDelay, "firstDelay");
        this.round = Objects.requireNonNull(round, "round");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException(name + " needs a positive interval, got " + interval);
        }
    }

    /** A task whose first round runs as soon as it starts: for a heartbeat, which others read from the start. */
    public static PeriodicTask startingAtOnce(String name, Duration interval, Runnable round) {
        return new PeriodicTask(name, interval, Duration.ZERO, round);
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runQuietly, firstDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    private void runQuietly() {
        try {
            round.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; the next round tries again: {}", name, e.getMessage());
        }
    }
}
