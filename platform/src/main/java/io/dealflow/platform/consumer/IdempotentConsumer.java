package io.dealflow.platform.consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Makes an at-least-once consumer effectively exactly-once: it remembers, per consumer and aggregate, the last
 * event sequence applied ({@code consumer_positions}) and applies an event only if its sequence is newer, moving
 * the position and applying the change in one transaction. A redelivered or out-of-date event is skipped; a change
 * that fails leaves the position where it was, so the redelivery applies it.
 *
 * <p>{@link #applyNewer} does the same for a whole batch (a poll of a Kafka consumer) in one transaction and a
 * few statements, instead of one transaction and round trip per event.
 *
 * <p>The change must write through the same DataSource (JdbcTemplate, JdbcClient, a {@code @Transactional} service
 * on the DataSource's transaction manager) to join the transaction.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    /**
     * Moves the position only forwards; the row comes back (with the position it replaced) only if it moved. The
     * CTE reads the position as of the statement's start, which under per-aggregate ordering is the one replaced.
     */
    private static final String ADVANCE_POSITION = """
            WITH previous AS (
                SELECT last_sequence FROM consumer_positions WHERE consumer_name = ? AND aggregate_id = ?
            )
            INSERT INTO consumer_positions AS positions (consumer_name, aggregate_id, last_sequence, updated_at)
            VALUES (?, ?, ?, clock_timestamp())
            ON CONFLICT (consumer_name, aggregate_id) DO UPDATE
                SET last_sequence = EXCLUDED.last_sequence, updated_at = EXCLUDED.updated_at
                WHERE positions.last_sequence < EXCLUDED.last_sequence
            RETURNING (SELECT last_sequence FROM previous) AS previous_sequence""";

    /**
     * Locks the positions that exist, so a second consumer of the same aggregates (a partition that moved during a
     * rebalance) waits for this transaction instead of deciding on the same positions; FOR UPDATE returns the row
     * as it is after any transaction it waited for. A join with the unnested ids, not {@code = ANY (?)}: the
     * planner then looks each id up in the primary key, where {@code = ANY} of a parameter may become a scan that
     * compares every row with every id.
     */
    private static final String LOCK_POSITIONS = """
            SELECT p.aggregate_id, p.last_sequence
            FROM unnest(?::text[]) AS wanted (aggregate_id)
            JOIN consumer_positions p ON p.consumer_name = ? AND p.aggregate_id = wanted.aggregate_id
            ORDER BY p.aggregate_id
            FOR UPDATE OF p""";

    /**
     * Moves every position of the batch in one statement. {@code xmax = 0} marks a row this statement inserted: a
     * position that was absent when locked but is updated now was inserted meanwhile by another transaction.
     */
    private static final String MOVE_POSITIONS = """
            INSERT INTO consumer_positions AS positions (consumer_name, aggregate_id, last_sequence, updated_at)
            SELECT ?, moved.aggregate_id, moved.last_sequence, clock_timestamp()
            FROM unnest(?::text[], ?::bigint[]) AS moved (aggregate_id, last_sequence)
            ORDER BY moved.aggregate_id
            ON CONFLICT (consumer_name, aggregate_id) DO UPDATE
                SET last_sequence = EXCLUDED.last_sequence, updated_at = EXCLUDED.updated_at
                WHERE positions.last_sequence < EXCLUDED.last_sequence
            RETURNING positions.aggregate_id, (positions.xmax = 0) AS inserted""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    /** @param transactionManager a transaction manager of {@code dataSource} */
    public IdempotentConsumer(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Runs {@code change} if {@code sequence} is newer than the last one applied for this consumer and aggregate,
     * recording it as applied in the same transaction.
     *
     * @param consumerName which consumer (a projection, a reactor); each keeps its own positions
     * @param aggregateId  whose event stream the sequence belongs to
     * @param sequence     the event's sequence in that stream, starting at 0
     * @param change       the effect of the event; if it throws, nothing is recorded and the exception propagates
     * @return whether the change was applied ({@code false}: a redelivery or an older event, skipped)
     */
    public boolean applyIfNewer(String consumerName, String aggregateId, long sequence, Runnable change) {
        Objects.requireNonNull(consumerName, "consumerName");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(change, "change");
        if (sequence < 0) {
            throw new IllegalArgumentException("Sequences start at 0, got " + sequence);
        }
        Boolean applied = transactions.execute(status -> {
            List<Long> replaced = jdbc.query(ADVANCE_POSITION,
                    (row, n) -> (Long) row.getObject("previous_sequence"),
                    consumerName, aggregateId, consumerName, aggregateId, sequence);
            if (replaced.isEmpty()) {
                log.debug("{} skips {}#{}: already applied", consumerName, aggregateId, sequence);
                return false;
            }
            warnOnGap(consumerName, aggregateId, replaced.get(0), sequence);
            change.run();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }

    /**
     * Applies, in one transaction, the events of {@code events} that are newer than the last one applied for their
     * aggregate, exactly as {@link #applyIfNewer} would one at a time in this order: an event is new if its
     * sequence is above the aggregate's position or above every earlier event of that aggregate in the batch (a
     * batch may hold redeliveries and several events of one aggregate). The positions move to the newest event
     * applied per aggregate, in the same transaction as {@code change}.
     *
     * @param events     in delivery order; one aggregate's events in its stream's order
     * @param change     the effect of the new events, given in the order of {@code events}; if it throws, nothing of
     *                   the batch is recorded and the exception propagates, so the redelivery applies it all
     * @return the new events, in order (those given to {@code change})
     * @throws ConcurrentPositionChangeException when another transaction moved a position of this batch meanwhile;
     *                                           nothing is recorded and a redelivery decides anew
     */
    public <E> List<E> applyNewer(String consumerName, List<E> events, Function<? super E, String> aggregateId,
                                  ToLongFunction<? super E> sequence, Consumer<List<E>> change) {
        Objects.requireNonNull(consumerName, "consumerName");
        Objects.requireNonNull(change, "change");
        if (events.isEmpty()) {
            return List.of();
        }
        for (E event : events) {
            Objects.requireNonNull(aggregateId.apply(event), "aggregateId");
            if (sequence.applyAsLong(event) < 0) {
                throw new IllegalArgumentException("Sequences start at 0, got " + sequence.applyAsLong(event));
            }
        }
        return transactions.execute(status -> {
            Set<String> aggregates = new HashSet<>();
            events.forEach(event -> aggregates.add(aggregateId.apply(event)));
            Map<String, Long> known = lockPositions(consumerName, aggregates);
            Map<String, Long> last = new HashMap<>(known);
            Map<String, Long> moved = new LinkedHashMap<>();
            List<E> fresh = new ArrayList<>();
            for (E event : events) {
                String aggregate = aggregateId.apply(event);
                long next = sequence.applyAsLong(event);
                Long previous = last.get(aggregate);
                if (previous != null && next <= previous) {
                    log.debug("{} skips {}#{}: already applied", consumerName, aggregate, next);
                    continue;
                }
                warnOnGap(consumerName, aggregate, previous, next);
                last.put(aggregate, next);
                moved.put(aggregate, next);
                fresh.add(event);
            }
            if (!moved.isEmpty()) {
                movePositions(consumerName, moved, known.keySet());
                change.accept(List.copyOf(fresh));
            }
            return List.copyOf(fresh);
        });
    }

    private Map<String, Long> lockPositions(String consumerName, Set<String> aggregates) {
        Map<String, Long> known = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(LOCK_POSITIONS);
            statement.setArray(1, connection.createArrayOf("text", aggregates.toArray(String[]::new)));
            statement.setString(2, consumerName);
            return statement;
        }, (RowCallbackHandler) row -> known.put(row.getString(1), row.getLong(2)));
        return known;
    }

    private void movePositions(String consumerName, Map<String, Long> moved, Set<String> locked) {
        Set<String> confirmed = new HashSet<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(MOVE_POSITIONS);
            statement.setString(1, consumerName);
            statement.setArray(2, connection.createArrayOf("text", moved.keySet().toArray(String[]::new)));
            statement.setArray(3, connection.createArrayOf("int8", moved.values().toArray(Long[]::new)));
            return statement;
        }, (RowCallbackHandler) row -> {
            if (locked.contains(row.getString(1)) || row.getBoolean(2)) {
                confirmed.add(row.getString(1));
            }
        });
        if (confirmed.size() != moved.size()) {
            throw new ConcurrentPositionChangeException(consumerName, moved.size() - confirmed.size());
        }
    }

    /** A gap means events were lost or skipped upstream; applying anyway keeps the consumer moving. */
    private static void warnOnGap(String consumerName, String aggregateId, Long lastApplied, long sequence) {
        long expected = lastApplied == null ? 0 : lastApplied + 1;
        if (sequence > expected) {
            log.warn("{} sees a gap in {}: last applied sequence {}, now applying {} ({} missing)", consumerName,
                    aggregateId, lastApplied == null ? "none" : lastApplied, sequence, sequence - expected);
        }
    }
}
