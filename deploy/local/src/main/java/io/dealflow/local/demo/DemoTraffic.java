package io.dealflow.local.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --demo}: a steady stream of deals through sales, contracts and delivery, over the REST APIs only, until
 * the launcher stops. Each new deal goes to one of {@link DemoManager#SALES_TEAM}, whose habit decides its path;
 * deals run concurrently on a small pool, each as a plain sequence of calls with pauses between them.
 * Seeded, so two runs make the same choices in the same order (timing still varies).
 */
public final class DemoTraffic {

    private static final long SEED = 20261120L;
    /** Deals in flight at once (mostly sleeping between calls); beyond that a new deal is dropped and counted. */
    private static final int WORKERS = 32;
    private static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);
    /** Enough failure lines to diagnose, not enough to drown the launcher's output. */
    private static final int FAILURES_LOGGED_IN_FULL = 10;

    private final DemoApi api;
    private final double dealsPerSecond;
    private final DemoStats stats = new DemoStats();
    private final Random seeds = new Random(SEED);
    private final AtomicInteger dealNumbers = new AtomicInteger();
    private final AtomicLong failures = new AtomicLong();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(1, daemon("dealflow-demo-clock"));
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WORKERS), daemon("dealflow-demo-deal"),
            (task, pool) -> stats.count("droppedBusy"));

    private DemoTraffic(DemoApi api, double dealsPerSecond) {
        this.api = api;
        this.dealsPerSecond = dealsPerSecond;
    }

    /** @param issuer the local authorization server, whose demo clients the traffic calls as */
    public static DemoTraffic start(String issuer, String dealServiceUrl, String taskServiceUrl,
                                    String handoffServiceUrl, double dealsPerSecond) {
        DemoTraffic traffic = new DemoTraffic(new DemoApi(issuer, dealServiceUrl, taskServiceUrl, handoffServiceUrl),
                dealsPerSecond);
        traffic.scheduleNextDeal();
        traffic.clock.scheduleAtFixedRate(traffic::logSummary, SUMMARY_EVERY.toSeconds(), SUMMARY_EVERY.toSeconds(),
                TimeUnit.SECONDS);
        return traffic;
    }

    public void stop() {
        clock.shutdownNow();
        workers.shutdownNow();
        logSummary();
    }

    /** Jittered around the mean gap (0.5x–1.5x), so deals arrive steadily but not in lockstep. */
    private void scheduleNextDeal() {
        long meanMillis = Math.round(1000 / dealsPerSecond);
        long gap;
        int number;
        long seed;
        DemoManager manager;
        synchronized (seeds) {
            gap = meanMillis / 2 + (long) (seeds.nextDouble() * meanMillis);
            number = dealNumbers.incrementAndGet();
            seed = seeds.nextLong();
            manager = DemoManager.SALES_TEAM.get(seeds.nextInt(DemoManager.SALES_TEAM.size()));
        }
        try {
            clock.schedule(() -> {
                workers.execute(() -> runDeal(manager, number, seed));
                scheduleNextDeal();
            }, gap, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // stop() shut the clock down between two deals
        }
    }

    private void runDeal(DemoManager manager, int number, long seed) {
        DealActions actions = new DealActions(api, stats, new Random(seed), runId);
        try {
            String won = new SalesJourney(actions, manager, number).run();
            if (won != null) {
                new DownstreamJourney(actions).run(won);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) { // a DemoFailure, a refused connection, unreadable JSON
            if (!workers.isShutdown()) {
                fail(manager, number, e);
            }
        }
    }

    private void fail(DemoManager manager, int number, Exception e) {
        stats.count("failures");
        long count = failures.incrementAndGet();
        if (count <= FAILURES_LOGGED_IN_FULL || count % 50 == 0) {
            System.out.println("[dealflow demo] deal #" + number + " of " + manager.id() + " (" + manager.habit()
                    + ") stopped: " + e + (count == FAILURES_LOGGED_IN_FULL ? " (further failures: every 50th)" : ""));
        }
    }

    private void logSummary() {
        System.out.println("[dealflow demo] since start: deals=" + dealNumbers.get() + " in-flight="
                + workers.getActiveCount() + " " + stats.summary());
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            // the launcher's shutdown hook stops the demo; daemon threads never hold the JVM open on their own
            thread.setDaemon(true);
            return thread;
        };
    }
}
