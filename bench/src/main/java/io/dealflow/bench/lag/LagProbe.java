package io.dealflow.bench.lag;

import io.dealflow.bench.measure.Latencies;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Follows sampled commands from their answer to the moment a consumer has applied them, by polling that consumer's
 * {@code consumer_positions} row (platform's IdempotentConsumer: the last applied sequence per deal, written in the
 * same transaction as the consumer's own change, so reaching the command's sequence means the task is open, or the
 * change is in the analytics tables). One query per poll for all pending deals keeps the probe cheap.
 */
public final class LagProbe implements AutoCloseable {

    /** A sample not seen within this time counts as lost, so a stuck consumer cannot hang the bench. */
    private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(2);

    private final List<Follower> followers = new ArrayList<>();

    /**
     * @param consumers a name for each followed consumer -> (JDBC URL of its database, its consumer name)
     */
    public LagProbe(Map<String, Consumer> consumers, String user, String password, Duration pollEvery) {
        consumers.forEach((name, consumer) -> followers.add(new Follower(name, consumer, user, password, pollEvery)));
        followers.forEach(Follower::start);
    }

    public void watch(String dealId, long sequence, long answeredAtNanos) {
        followers.forEach(follower -> follower.inbox.add(new Sample(dealId, sequence, answeredAtNanos)));
    }

    public Latencies latencies(String name) {
        return followers.stream().filter(f -> f.name.equals(name)).findFirst().orElseThrow().latencies;
    }

    /** Waits for the samples still pending (up to the give-up time), then stops polling. */
    @Override
    public void close() throws InterruptedException {
        for (Follower follower : followers) {
            follower.draining = true;
        }
        for (Follower follower : followers) {
            follower.join();
        }
    }

    /** @param consumerName as in {@code consumer_positions.consumer_name} */
    public record Consumer(String jdbcUrl, String consumerName) {
    }

    private record Sample(String dealId, long sequence, long answeredAtNanos) {
    }

    private static final class Follower extends Thread {

        private final String name;
        private final Consumer consumer;
        private final String user;
        private final String password;
        private final long pollNanos;
        private final ConcurrentLinkedQueue<Sample> inbox = new ConcurrentLinkedQueue<>();
        private final Latencies latencies = new Latencies();
        private volatile boolean draining;

        Follower(String name, Consumer consumer, String user, String password, Duration pollEvery) {
            super("lag-probe-" + name);
            setDaemon(true);
            this.name = name;
            this.consumer = consumer;
            this.user = user;
            this.password = password;
            this.pollNanos = pollEvery.toNanos();
        }

        @Override
        public void run() {
            try (Connection connection = DriverManager.getConnection(consumer.jdbcUrl(), user, password);
                 PreparedStatement query = connection.prepareStatement("SELECT aggregate_id, last_sequence "
                         + "FROM consumer_positions WHERE consumer_name = ? AND aggregate_id = ANY (?)")) {
                List<Sample> pending = new ArrayList<>();
                while (!(draining && inbox.isEmpty() && pending.isEmpty())) {
                    for (Sample sample; (sample = inbox.poll()) != null; ) {
                        pending.add(sample);
                    }
                    if (!pending.isEmpty()) {
                        poll(connection, query, pending);
                    }
                    TimeUnit.NANOSECONDS.sleep(pollNanos);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Lag probe on " + consumer + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void poll(Connection connection, PreparedStatement query, List<Sample> pending) throws SQLException {
            Array ids = connection.createArrayOf("text", pending.stream().map(Sample::dealId).distinct().toArray());
            query.setString(1, consumer.consumerName());
            query.setArray(2, ids);
            Map<String, Long> applied = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    applied.put(rows.getString(1), rows.getLong(2));
                }
            }
            long now = System.nanoTime();
            for (Iterator<Sample> it = pending.iterator(); it.hasNext(); ) {
                Sample sample = it.next();
                Long sequence = applied.get(sample.dealId());
                if (sequence != null && sequence >= sample.sequence()) {
                    latencies.recordNanos(sample.answeredAtNanos(), now);
                    it.remove();
                } else if (now - sample.answeredAtNanos() > GIVE_UP_NANOS) {
                    latencies.error();
                    it.remove();
                }
            }
        }
    }
}
