package io.dealflow.local.demo;

import io.dealflow.api.ProblemTypes;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
    private static final Duration HISTORY_WAIT = Duration.ofMinutes(5);

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

    /**
     * @param issuer       the local authorization server, whose demo clients the traffic calls as
     * @param historyDeals deals of a year's sales history imported first (0: none); the live deals start once the
     *                     import has ended (on the demo's one clock thread, a few seconds)
     */
    public static DemoTraffic start(String issuer, String dealServiceUrl, String taskServiceUrl,
                                    String handoffServiceUrl, double dealsPerSecond, int historyDeals) {
        DemoTraffic traffic = new DemoTraffic(new DemoApi(issuer, dealServiceUrl, taskServiceUrl, handoffServiceUrl),
                dealsPerSecond);
        if (historyDeals > 0) {
            traffic.clock.execute(() -> traffic.importHistory(historyDeals));
        }
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

    /**
     * A year of sales history through deal-service's import (the same file each time: on kept data a second demo
     * run imports nothing and says so), so the dashboards have time in stage and conversion from the first minute.
     */
    private void importHistory(int deals) {
        Instant started = Instant.now();
        try {
            JsonNode job = api.importHistory(SalesJourney.PIPELINE, DemoHistory.csv(deals, started), HISTORY_WAIT);
            JsonNode answer = job.path("answer");
            long already = 0;
            for (JsonNode refused : answer.path("refused")) {
                already += refused.path("type").asString("").endsWith(ProblemTypes.DEAL_ALREADY_IMPORTED) ? 1 : 0;
            }
            long refused = answer.path("refused").size();
            System.out.println("[dealflow demo] a year of sales history (" + job.path("rowsRead").asLong()
                    + " rows): " + answer.path("imported").asLong() + " deals imported, " + already
                    + " already imported by an earlier demo run, " + (refused - already) + " refused; "
                    + job.path("state").asString() + " in " + Duration.between(started, Instant.now()).toSeconds()
                    + " s" + (refused > already ? "; first refusal: " + answer.path("refused").get(0) : ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            System.out.println("[dealflow demo] the sales history could not be imported: " + e);
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
