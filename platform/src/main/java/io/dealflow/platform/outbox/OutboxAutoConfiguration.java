package io.dealflow.platform.outbox;

import io.dealflow.platform.jdbc.JdbcTransactions;
import io.dealflow.platform.kafka.KafkaEventPublisher;
import io.dealflow.platform.kafka.KafkaPublishingAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * A transactional outbox for services that publish events from their own state changes (the {@code outbox_events}
 * table of platform's migration must be in their database): {@link OutboxWriter} to append in the service's
 * transaction, {@link OutboxRelay} to publish. Enabled with {@code dealflow.outbox.enabled=true}, alongside
 * {@code dealflow.kafka.publishing.enabled=true} for the publisher it relays through.
 */
@AutoConfiguration(
        after = KafkaPublishingAutoConfiguration.class,
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnBooleanProperty("dealflow.outbox.enabled")
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBean(KafkaEventPublisher.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public OutboxWriter outboxWriter(DataSource dataSource) {
        return new OutboxWriter(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    public OutboxRelay outboxRelay(DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactionManagers,
                                   KafkaEventPublisher publisher, OutboxProperties properties, MeterRegistry meters) {
        return new OutboxRelay(dataSource, JdbcTransactions.managerOf(dataSource, transactionManagers), publisher,
                properties, meters);
    }
}
