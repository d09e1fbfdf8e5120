package io.dealflow.soak.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.dealflow.local.testing.LauncherControlClient;
import io.dealflow.local.testing.LauncherControlClient.Service;
import io.dealflow.soak.observe.SoakDatabases;

/**
 * Injects the planned faults into the running system, one at a time: each waits for the system to be healthy
 * again after the one before (every service UP by its launcher and its own health endpoint, the broker running),
 * which is also how long the recovery took.
 */
public final class FaultInjector {

    private static final Duration RECOVERY_WAIT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration BROKER_DOWN = Duration.ofSeconds(5);

    private final LauncherControlClient launcher;
    private final SoakDatabases databases;
    private final List<InjectedFault> injected = new ArrayList<>();
    private Thread thread;

    public FaultInjector(LauncherControlClient launcher, SoakDatabases databases) {
        this.launcher = launcher;
        this.databases = databases;
    }

    public void start(List<PlannedFault> plan, Instant trafficStart) {
        thread = new Thread(() -> run(plan, trafficStart), "soak-faults");
        thread.setDaemon(true);
        thread.start();
    }

    public void awaitEnd() throws InterruptedException {
        thread.join();
    }

    public synchronized List<InjectedFault> injected() {
        return List.copyOf(injected);
    }

    private void run(List<PlannedFault> plan, Instant trafficStart) {
        try {
            for (PlannedFault fault : plan) {
                long wait = Duration.between(Instant.now(), trafficStart.plus(fault.after())).toMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                InjectedFault done = inject(fault);
                synchronized (this) {
                    injected.add(done);
                }
                System.out.println("[soak] fault " + fault.describe() + ": " + done.note() + "; healthy again after "
                        + (done.recovery() == null ? "never (waited " + RECOVERY_WAIT.toMinutes() + " min)"
                        : done.recovery().toMillis() + " ms"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private InjectedFault inject(PlannedFault fault) throws InterruptedException {
        LauncherControlClient.Status before = launcher.status();
        Instant at = Instant.now();
        String note;
        try {
            note = switch (fault.kind()) {
                case KILL_SERVICE -> {
                    Service victim = before.service(fault.target());
                    ProcessHandle.of(victim.pid()).ifPresent(ProcessHandle::destroyForcibly);
                    yield "SIGKILL to pid " + victim.pid();
                }
                case KAFKA_RESTART -> {
                    launcher.failKafka(BROKER_DOWN);
                    yield "broker down for " + BROKER_DOWN.toSeconds() + " s";
                }
                case PG_CONNECTIONS -> "terminated " + databases.terminateConnections() + " connections";
                case PG_RESTART -> restartPostgres();
            };
        } catch (Exception e) {
            note = "could not inject: " + e;
        }
        Instant healthy = awaitHealthy(fault, before);
        return new InjectedFault(fault, at, healthy, note);
    }

    /** Healthy: the fault's own effect seen through (the victim restarted, the broker restarted) and all UP. */
    private Instant awaitHealthy(PlannedFault fault, LauncherControlClient.Status before) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                LauncherControlClient.Status now = launcher.status();
                boolean effectSeen = switch (fault.kind()) {
                    case KILL_SERVICE -> now.service(fault.target()).restarts()
                            > before.service(fault.target()).restarts();
                    case KAFKA_RESTART -> now.kafkaRestarts() > before.kafkaRestarts();
                    case PG_CONNECTIONS, PG_RESTART -> true;
                };
                if (effectSeen && now.kafkaRunning() && now.services().stream().allMatch(launcher::healthy)) {
                    return Instant.now();
                }
            } catch (RuntimeException notYet) {
                // the control endpoint is the launcher's own and stays up; a hiccup is just "not yet"
            }
            Thread.sleep(POLL.toMillis());
        }
        return null;
    }

    /** The real outage, for a machine of one's own: every cluster of this PostgreSQL 15 restarts. */
    private static String restartPostgres() throws java.io.IOException, InterruptedException {
        Process restart = new ProcessBuilder("pg_ctlcluster", "15", "main", "restart").inheritIO().start();
        if (!restart.waitFor(2, TimeUnit.MINUTES)) {
            restart.destroyForcibly();
            return "pg_ctlcluster 15 main restart did not finish within 2 min";
        }
        return "pg_ctlcluster 15 main restart exited with " + restart.exitValue();
    }
}
