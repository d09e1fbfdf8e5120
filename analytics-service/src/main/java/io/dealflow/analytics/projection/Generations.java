package io.dealflow.analytics.projection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.CompletableFuture;

/**
 * Which generation of the projections the reports read and the live consumers feed. A rebuild fills the next
 * generation beside the active one and then switches this pointer, so the old answers are served until then.
 *
 * <p>The pointer lives in the database only, so that every instance of the service follows a switch made by any
 * of them: a report reads it per request (one primary-key row); a live batch locks it {@code FOR SHARE} in its own
 * transaction ({@link #lockActive()}), and the switch locks it {@code FOR UPDATE} for its last stretch
 * ({@link #switchTo}). While a switch runs, every instance's live batches therefore wait, and each batch applies
 * wholly to the generation that was active when it committed.
 */
@Component
public class Generations {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public Generations(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public int active() {
        return jdbc.sql("SELECT active_generation FROM projection_state").query(Integer.class).single();
    }

    /** The active generation, held for the caller's transaction: a switch waits until it commits. */
    public int lockActive() {
        return jdbc.sql("SELECT active_generation FROM projection_state FOR SHARE").query(Integer.class).single();
    }

    /**
     * Makes {@code target} the active generation once {@code lastStretch} has filled it with everything published
     * so far. Live batches of every instance wait from the moment the lock is taken; those that committed before it
     * applied events the last stretch will find on the topics, and those that wait apply to {@code target}.
     */
    public void switchTo(int target, Runnable lastStretch) {
        // The lock is held by a transaction of its own thread: the last stretch's batches run on the caller's
        // thread in transactions of their own, and must not join this one.
        CompletableFuture<Void> locked = new CompletableFuture<>();
        CompletableFuture<Boolean> filled = new CompletableFuture<>();
        CompletableFuture<Void> switched = CompletableFuture.runAsync(() -> {
            try {
                transactions.executeWithoutResult(status -> {
                    jdbc.sql("SELECT active_generation FROM projection_state FOR UPDATE").query(Integer.class)
                            .single();
                    locked.complete(null);
                    if (filled.join()) {
                        jdbc.sql("UPDATE projection_state SET active_generation = :generation")
                                .param("generation", target).update();
                    } else {
                        status.setRollbackOnly();
                    }
                });
            } catch (RuntimeException e) {
                locked.completeExceptionally(e);
                throw e;
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "generation-switch");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            locked.join();
            lastStretch.run();
            filled.complete(true);
        } catch (RuntimeException e) {
            filled.complete(false);
            throw e;
        }
        switched.join();
    }
}
