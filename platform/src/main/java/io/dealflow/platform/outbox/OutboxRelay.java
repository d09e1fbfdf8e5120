package io.dealflow.platform.outbox;

import io.dealflow.platform.kafka.EventPublishingException;
import io.dealflow.platform.kafka.KafkaEventPublisher;
import io.dealflow.platform.kafka.PublishBatch;
import io.dealflow.platform.kafka.OutgoingEvent;
import io.dealflow.platform.outbox.OutboxStore.StoredEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Publishes the outbox to Kafka on a thread of its own, from start-up until shutdown.
 *
 * <p>Each round is one transaction: take the relay's advisory lock (another instance holding it means this one
 * waits its turn, so only one instance publishes and per-key order holds across instances), send the oldest
 * unpublished events as one batch, wait for the broker's acknowledgements, and stamp those acknowledged as
 * published. The first event the broker refuses ends the round: what was acknowledged before it is committed, the relay backs
 * off (doubling up to {@code maxBackoff}) and starts again with that event, so nothing is skipped or reordered.
 * Delivery is at least once: an event acknowledged just before a crash or a failed commit is published again.
 *
 * <p>While it waits for the broker, the round's transaction holds the advisory lock and nothing else: the rows it
 * sends are read without a lock, so writers and the cleanup never wait for a slow broker (TwoRelaysTest shows it).
 * The wait is bounded by the acknowledgement timeout.
 *
 * <p>An event the broker refuses for good (e.g. larger than the topic allows) blocks the outbox until it is
 * removed by hand; the backlog and oldest-age gauges show it.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);
    /** A publish in flight is interrupted on stop; only a database round trip can delay it. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final OutboxStore store;
    private final TransactionTemplate transactions;
    private final KafkaEventPublisher publisher;
    private final OutboxProperties properties;
    private final OutboxMetrics metrics;

    private final Object lifecycle = new Object();
    private Thread worker;
    private volatile boolean stopping;

    /** @param transactionManager a transaction manager of {@code dataSource} */
    public OutboxRelay(DataSource dataSource, PlatformTransactionManager transactionManager,
                       KafkaEventPublisher publisher, OutboxProperties properties, MeterRegistry meters) {
        this.store = new OutboxStore(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        // Each statement must see what the previous lock holder committed, whatever the service's default.
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.transactions.setName("outbox-relay");
        this.publisher = publisher;
        this.properties = properties;
        this.metrics = new OutboxMetrics(meters, store);
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (worker != null) {
                return;
            }
            stopping = false;
            // A daemon: an abandoned round is safe (its events stay unpublished) and must not hold the JVM.
            worker = new Thread(this::relayUntilStopped, "outbox-relay");
            worker.setDaemon(true);
            worker.start();
        }
    }

    @Override
    public void stop() {
        Thread stopped;
        synchronized (lifecycle) {
            stopped = worker;
            worker = null;
        }
        if (stopped == null) {
            return;
        }
        stopping = true;
        stopped.interrupt();
        try {
            stopped.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopped.isAlive()) {
            log.warn("The outbox relay did not stop within {}; its current round is abandoned", STOP_TIMEOUT);
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lifecycle) {
            return worker != null;
        }
    }

    private void relayUntilStopped() {
        Backoff backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
        long nextCleanup = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            if (System.nanoTime() - nextCleanup >= 0) {
                deleteExpired();
                nextCleanup = System.nanoTime() + CLEANUP_INTERVAL.toNanos();
            }
            Duration pause;
            try {
                pause = pauseAfter(relayOneRound(), backoff);
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                pause = backoff.afterFailure();
                log.warn("Outbox relay round failed, retrying in {}", pause, e);
            }
            if (!pause.isZero() && !sleep(pause)) {
                return;
            }
        }
    }

    private Duration pauseAfter(Round round, Backoff backoff) {
        return switch (round) {
            case MORE_WAITING -> {
                backoff.reset();
                yield Duration.ZERO;
            }
            case DRAINED -> {
                backoff.reset();
                yield properties.pollInterval();
            }
            case NOT_OUR_TURN -> {
                metrics.waitedTurn();
                yield properties.pollInterval();
            }
            case BROKER_REFUSED -> backoff.afterFailure();
        };
    }

    private Round relayOneRound() {
        return transactions.execute(status -> {
            if (!store.tryRelayLock()) {
                return Round.NOT_OUR_TURN;
            }
            List<StoredEvent> batch = store.nextUnpublished(properties.batchSize());
            PublishBatch sends = publisher.batch();
            batch.forEach(stored -> sends.send(stored.event()));
            try {
                sends.awaitAcknowledged();
            } catch (EventPublishingException e) {
                int acknowledged = e.acknowledgedBefore();
                markPublished(batch.subList(0, acknowledged));
                reportRefusal(batch.get(acknowledged).event(), acknowledged, e);
                return Round.BROKER_REFUSED;
            }
            markPublished(batch);
            return batch.size() < properties.batchSize() ? Round.DRAINED : Round.MORE_WAITING;
        });
    }

    private void markPublished(List<StoredEvent> acknowledged) {
        store.markPublished(acknowledged.stream().map(StoredEvent::id).toList());
        acknowledged.forEach(stored -> metrics.published(stored.event().topic()));
    }

    private void reportRefusal(OutgoingEvent event, int publishedBefore, RuntimeException e) {
        if (stopping) {
            return;
        }
        metrics.publishFailed();
        // Once per back-off during an outage: the message is enough, the stack trace is for debugging.
        log.warn("Outbox relay stops this round after {} event(s); event {} stays first in line until the broker "
                + "acknowledges it: {}", publishedBefore, event.id(), rootMessage(e));
        log.debug("Publish failure", e);
    }

    private void deleteExpired() {
        try {
            int deleted = store.deletePublishedOlderThan(properties.retention());
            if (deleted > 0) {
                log.info("Deleted {} outbox events published more than {} ago", deleted, properties.retention());
            }
        } catch (DataAccessException e) {
            // Relaying matters more than tidying; the next cleanup tries again.
            log.warn("Could not delete old published outbox events: {}", e.getMessage());
        }
    }

    /** @return false when interrupted, i.e. the relay is stopping */
    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    private enum Round {
        /** Another instance holds the relay lock. */
        NOT_OUR_TURN,
        /** Fewer events than a batch were waiting; all went out. */
        DRAINED,
        /** A full batch went out; more may be waiting. */
        MORE_WAITING,
        /** The broker did not acknowledge an event; those before it are marked published. */
        BROKER_REFUSED
    }
}
