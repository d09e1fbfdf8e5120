package io.dealflow.deal.config;

import io.dealflow.deal.deal.command.Deal;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.cache.CacheManager;
import javax.cache.Caching;
import java.net.URI;
import java.util.OptionalLong;
import java.util.UUID;
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

    /**
     * A cache manager of this application context's own: two contexts in one JVM (tests running two instances) must
     * not share deals, which the provider's default manager, one per class loader, would make them do.
     */
    @Bean(destroyMethod = "close")
    CacheManager dealCacheManager() {
        return Caching.getCachingProvider(CaffeineCachingProvider.class.getName())
                .getCacheManager(URI.create("dealflow:deals:" + UUID.randomUUID()), getClass().getClassLoader());
    }

    /**
     * The most recently used deals, by count. Not weak references: the collector cleared those at almost every young
     * collection, so under load nine commands in ten read their deal's events again (the profile in
     * docs/performance.md). Deals are kept by reference, never copied: the unit of work owns the aggregate.
     */
    @Bean(Deal.CACHE)
    Cache dealCache(CacheManager dealCacheManager, @Value("${dealflow.deals.cache-size:10000}") long size) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>()
                .setMaximumSize(OptionalLong.of(size))
                .setStoreByValue(false);
        return new JCacheAdapter(dealCacheManager.createCache("deals", configuration));
    }

    /** Runs the commands {@link StaleDealRetries} decides again. */
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
                .retryScheduler(new StaleDealRetries(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .maxRetryCount(MAX_RETRIES)
                        .retryInterval(RETRY_INTERVAL_MILLIS)
                        .build()))
                .build();
    }
}
