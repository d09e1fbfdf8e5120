package io.dealflow.local;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.dealflow.local.supervision.RestartPolicy;

/**
 * One service JVM the launcher keeps running: when it exits while the launcher is not stopping, it is started again
 * on the same ports after {@link RestartPolicy}'s wait, with a line per restart; when it keeps dying before it is
 * healthy the launcher is told to give up. Only one watcher thread per service starts and replaces the process, so
 * two restarts of one service never overlap.
 */
final class SupervisedService {

    private final ServiceSpec spec;
    private final Supplier<ServiceProcess> starter;
    private final RestartPolicy policy;
    private final Duration startupTimeout;
    private final Duration signalGrace;
    /** true once the launcher stops (Ctrl-C, SIGTERM, a give-up): nothing is restarted from then on */
    private final BooleanSupplier stopping;
    private final Consumer<String> giveUp;
    private volatile ServiceProcess current;
    private volatile int restarts;
    private volatile boolean up;
    private Thread watcher;

    SupervisedService(ServiceSpec spec, Supplier<ServiceProcess> starter, RestartPolicy policy,
                      Duration startupTimeout, Duration signalGrace, BooleanSupplier stopping,
                      Consumer<String> giveUp) {
        this.spec = spec;
        this.starter = starter;
        this.policy = policy;
        this.startupTimeout = startupTimeout;
        this.signalGrace = signalGrace;
        this.stopping = stopping;
        this.giveUp = giveUp;
    }

    /** The first start: a service that cannot start at all fails the launch, as before supervision. */
    void start() {
        current = starter.get();
    }

    void awaitHealthy() throws InterruptedException {
        current.awaitHealthy(startupTimeout);
        up = true;
    }

    /** From now on an exit is a crash to recover from. */
    void supervise() {
        watcher = new Thread(this::watch, spec.name() + "-supervisor");
        watcher.setDaemon(true);
        watcher.start();
    }

    String name() {
        return spec.name();
    }

    ServiceSpec spec() {
        return spec;
    }

    ServiceProcess process() {
        return current;
    }

    int restarts() {
        return restarts;
    }

    boolean up() {
        return up && current.isAlive();
    }

    /** Stops the supervision first, so the exit the stop causes is not taken for a crash. */
    void stop() {
        if (watcher != null) {
            watcher.interrupt();
        }
        ServiceProcess process = current;
        if (process != null) {
            process.stop();
        }
    }

    private void watch() {
        int failures = 0;
        try {
            while (true) {
                ServiceProcess process = current;
                process.onExit().join();
                up = false;
                if (stoppingWithin(signalGrace)) {
                    return;
                }
                failures++;
                RestartPolicy.Decision decision = policy.afterExit(failures);
                if (decision instanceof RestartPolicy.GiveUp gaveUp) {
                    giveUp.accept(spec.name() + " exited with code " + process.exitCode() + " and did not come back"
                            + " after " + gaveUp.failedRestarts() + " restarts in a row; giving up. Its last lines:\n"
                            + process.lastLines());
                    return;
                }
                RestartPolicy.Restart restart = (RestartPolicy.Restart) decision;
                say(spec.name() + " exited unexpectedly (exit code " + process.exitCode() + "); restart #"
                        + (restarts + 1) + " (attempt " + restart.attempt() + ") in " + restart.delay().toMillis()
                        + " ms");
                Thread.sleep(restart.delay().toMillis());
                if (stopping.getAsBoolean()) {
                    return;
                }
                long startedAt = System.nanoTime();
                current = starter.get();
                restarts++;
                try {
                    current.awaitHealthy(startupTimeout);
                    up = true;
                    failures = 0;
                    say(spec.name() + " is UP again after restart #" + restarts + " ("
                            + Duration.ofNanos(System.nanoTime() - startedAt).toMillis() + " ms to start)");
                } catch (LaunchException notHealthy) {
                    say("restart #" + restarts + " of " + spec.name() + " failed: " + firstLine(notHealthy.getMessage()));
                    // a child that hangs without ever being healthy counts as one more failure once it is gone
                    current.stop();
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ctrl-C reaches the children a moment before the launcher's own hook: their exit is then no crash. */
    private boolean stoppingWithin(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline) {
            if (stopping.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return stopping.getAsBoolean();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static void say(String message) {
        System.out.println("[dealflow] " + message);
    }
}
