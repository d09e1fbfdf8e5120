package io.dealflow.deal.config;

import io.dealflow.deal.deal.command.Deal;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Deals stay in memory between commands, so a command reads nothing of the event store but appends to it.
 *
 * <p>The event store stays the judge: an append on top of a cached deal that another instance has moved on fails on
 * the store's unique (aggregate, sequence) key, the failed unit of work evicts the deal from the cache, and the
 * gateway decides the command again on the deal as stored. A client therefore never sees a conflict that only a
 * stale cache caused; it sees 409 only if the deal keeps changing under it ({@code MAX_RETRIES} times in a row).
 */
@Configuration(proxyBeanMethods = false)
class DealRepositoryConfiguration {

    private static final int MAX_RETRIES = 3;
    private static final int RETRY_INTERVAL_MILLIS = 5;

    /** Weak references: the garbage collector, not a fixed size, decides how many idle deals stay cached. */
    @Bean(Deal.CACHE)
    Cache dealCache() {
        return new WeakReferenceCache();
    }

    /** Retries only Axon's transient failures, e.g. a concurrency conflict; a rule refusal is never retried. */
    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .maxRetryCount(MAX_RETRIES)
                        .retryInterval(RETRY_INTERVAL_MILLIS)
                        .build())
                .build();
    }
}
