package io.dealflow.soak.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few concurrent clients, each working one {@link Journey} after the other until the run's traffic time is over.
 * Seeded: the same seed makes the same choices (the timing, and so what the faults hit, still varies).
 */
public final class Traffic {

    private final Commands commands;
    private final String taskService;
    private final String handoffService;
    private final int clients;
    private final long seed;
    private final TrafficStats stats = new TrafficStats();
    private final AtomicInteger numbers = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile Instant until;

    public Traffic(Commands commands, String taskService, String handoffService, int clients, long seed) {
        this.commands = commands;
        this.taskService = taskService;
        this.handoffService = handoffService;
        this.clients = clients;
        this.seed = seed;
    }

    public TrafficStats stats() {
        return stats;
    }

    public void start(Duration duration, String runId) {
        until = Instant.now().plus(duration);
        Random seeds = new Random(seed);
        for (int i = 0; i < clients; i++) {
            Random random = new Random(seeds.nextLong());
            Thread thread = new Thread(() -> work(random, runId), "soak-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Waits for every client to finish the journey it is in; they start none after the traffic time. */
    public void awaitEnd(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        threads.forEach(Thread::interrupt);
    }

    private boolean over() {
        return Instant.now().isAfter(until);
    }

    private void work(Random random, String runId) {
        try {
            while (!over()) {
                new Journey(commands, taskService, handoffService, random, this::over, stats)
                        .run("soak-" + runId + "-" + numbers.incrementAndGet());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
