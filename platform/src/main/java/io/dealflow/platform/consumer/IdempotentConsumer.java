package io.dealflow.platform.consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Objects;

/**
 * Makes an at-least-once consumer effectively exactly-once: it remembers, per consumer and aggregate, the last
 * event sequence applied ({@code consumer_positions}) and applies an event only if its sequence is newer, moving
 * the position and applying the change in one transaction. A redelivered or out-of-date event is skipped; a change
 * that fails leaves the position where it was, so the redelivery applies it.
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

    /** A gap means events were lost or skipped upstream; applying anyway keeps the consumer moving. */
    private static void warnOnGap(String consumerName, String aggregateId, Long lastApplied, long sequence) {
        long expected = lastApplied == null ? 0 : lastApplied + 1;
        if (sequence > expected) {
            log.warn("{} sees a gap in {}: last applied sequence {}, now applying {} ({} missing)", consumerName,
                    aggregateId, lastApplied == null ? "none" : lastApplied, sequence, sequence - expected);
        }
    }
}
