package io.dealflow.deal.config;

import io.dealflow.platform.testing.DealflowIntegrationTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Spring Boot 4, Axon's auto-configuration silently falls back to no JDBC store and a no-op transaction manager
 * unless platform's ordering fix is in place (STACK.md pitfall 1). This proves the real engine is in use.
 */
@DealflowIntegrationTest
class AxonWiringIT {

    @Autowired
    EventStorageEngine engine;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eventsAndTokensLiveInPostgresUnderSpringTransactions() {
        assertThat(engine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
        // the demo pipelines were defined at start-up: their events are rows in PostgreSQL
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = 'sales'")
                .query(Long.class).single()).isPositive();
    }
}
