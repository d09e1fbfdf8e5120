package io.dealflow.local;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.kafka.common.utils.Exit;

import io.dealflow.kafka.KraftBroker;
import io.dealflow.local.supervision.RestartPolicy;

/**
 * The in-JVM broker, kept running like the services: same port, same data directory, after {@link RestartPolicy}'s
 * wait. A broker inside the launcher cannot exit on its own; what ends a Kafka server is its fatal-fault handler
 * calling {@link Exit#exit}/{@link Exit#halt}, which would take the whole launcher (and with it the supervision of
 * every service) down. So those calls are caught here and turned into a broker failure that is restarted.
 * {@link #fail(Duration)} stops it on purpose for as long as asked (the soak's broker fault) and counts as a failure
 * too.
 */
final class SupervisedBroker {

    private static final Duration WATCH_EVERY = Duration.ofMillis(500);

    private final KraftBroker broker;
    private final RestartPolicy policy;
    private final BooleanSupplier stopping;
    private final Consumer<String> giveUp;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile long downUntilNanos;
    private volatile int restarts;
    private Thread watcher;

    SupervisedBroker(KraftBroker broker, RestartPolicy policy, BooleanSupplier stopping, Consumer<String> giveUp) {
        this.broker = broker;
        this.policy = policy;
        this.stopping = stopping;
        this.giveUp = giveUp;
    }

    void start() {
        Exit.setExitProcedure((code, message) -> brokerWantsToExit("exit", code, message));
        Exit.setHaltProcedure((code, message) -> brokerWantsToExit("halt", code, message));
        broker.start();
    }

    void supervise() {
        watcher = new Thread(this::watch, "kafka-supervisor");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Takes the broker away now; it is started again once {@code down} has passed (and the policy's wait). */
    void fail(Duration down) {
        downUntilNanos = System.nanoTime() + down.toNanos();
        failure.compareAndSet(null, "stopped on request for " + down.toMillis() + " ms");
        broker.stop();
    }

    boolean running() {
        return broker.isRunning() && failure.get() == null;
    }

    int restarts() {
        return restarts;
    }

    void stop() {
        if (watcher != null) {
            watcher.interrupt();
        }
        broker.stop();
    }

    private void brokerWantsToExit(String how, int code, String message) {
        if (stopping.getAsBoolean()) {
            return;
        }
        failure.compareAndSet(null, "the broker called " + how + "(" + code + ")" + (message == null ? "" : ": "
                + message));
    }

    private void watch() {
        int failures = 0;
        try {
            while (!stopping.getAsBoolean()) {
                Thread.sleep(WATCH_EVERY.toMillis());
                String why = failure.get();
                if (why == null && broker.isRunning()) {
                    continue;
                }
                if (stopping.getAsBoolean()) {
                    return;
                }
                failures++;
                RestartPolicy.Decision decision = policy.afterExit(failures);
                if (decision instanceof RestartPolicy.GiveUp gaveUp) {
                    giveUp.accept("the Kafka broker failed (" + why + ") and did not come back after "
                            + gaveUp.failedRestarts() + " restarts in a row; giving up");
                    return;
                }
                RestartPolicy.Restart restart = (RestartPolicy.Restart) decision;
                long downFor = Math.max(0, downUntilNanos - System.nanoTime()) / 1_000_000;
                long wait = Math.max(downFor, restart.delay().toMillis());
                say("Kafka broker failed (" + (why == null ? "not running" : why) + "); restart #" + (restarts + 1)
                        + " on " + broker.bootstrapServers() + " in " + wait + " ms");
                // a half-dead server still holds its ports: release them before starting on the same ones
                broker.stop();
                Thread.sleep(wait);
                if (stopping.getAsBoolean()) {
                    return;
                }
                restarts++;
                try {
                    long startedAt = System.nanoTime();
                    broker.start();
                    failure.set(null);
                    failures = 0;
                    say("Kafka broker is UP again after restart #" + restarts + " ("
                            + Duration.ofNanos(System.nanoTime() - startedAt).toMillis() + " ms to start)");
                } catch (RuntimeException e) {
                    failure.set("restart failed: " + e.getMessage());
                    say("restart #" + restarts + " of the Kafka broker failed: " + e.getMessage());
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(String message) {
        System.out.println("[dealflow] " + message);
    }
}
