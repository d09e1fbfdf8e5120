package io.dealflow.platform.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Makes Axon's JDBC event store, token store and Spring transaction manager work on Spring Boot 4.
 *
 * <p>Axon 4.13 orders its {@code JdbcAutoConfiguration} and {@code TransactionAutoConfiguration} after Boot 3's
 * class names, which moved in Boot 4; its conditions then run before the DataSource exists and Axon silently falls
 * back to no event store and a no-op transaction manager. Being ordered after Boot 4's DataSource configurations and
 * before Axon's restores the intended order (auto-configuration ordering is transitive).
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"})
@ConditionalOnClass(name = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
public class AxonOnPostgresAutoConfiguration {

    /** SQLState 23505 is PostgreSQL's unique violation: a second event with the same (aggregate, sequence). */
    static final String POSTGRES_UNIQUE_VIOLATION = "23505";

    /**
     * Axon's default resolver does not recognise PostgreSQL's duplicate keys, so a concurrent append or a second
     * aggregate with an existing id would surface as a generic error instead of a concurrency conflict.
     */
    @Bean
    @ConditionalOnMissingBean(PersistenceExceptionResolver.class)
    public PersistenceExceptionResolver postgresDuplicateKeyResolver() {
        return new SQLStateResolver(POSTGRES_UNIQUE_VIOLATION);
    }

    /**
     * Axon's default handler logs a failing event handler and moves on, which would advance a processor's token past
     * an event that was never projected or published. Propagating makes the processor retry the event instead.
     */
    @Autowired
    public void propagateHandlerErrors(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
