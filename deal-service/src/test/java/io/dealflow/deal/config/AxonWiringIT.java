package io.dealflow.deal.config;

import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.api.deal.DealTagged;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import io.dealflow.deal.deal.command.ImportEndMarkingStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    @Autowired
    EventStore eventStore;

    @Test
    void eventsAndTokensLiveInPostgresUnderSpringTransactions() {
        assertThat(engine).isInstanceOfSatisfying(ImportEndMarkingStorageEngine.class,
                marking -> assertThat(marking.delegate()).isInstanceOf(JdbcEventStorageEngine.class));
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
        // the demo pipelines were defined at start-up: their events are rows in PostgreSQL
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = 'sales'")
                .query(Long.class).single()).isPositive();
    }

    /**
     * Two instances appending the same deal position: PostgreSQL's unique violation (23505) must reach Axon as a
     * concurrency conflict (answered 409), not as a generic error (STACK.md pitfall 2).
     */
    @Test
    void aSecondEventAtTheSamePositionIsAConcurrencyConflict() {
        String dealId = UUID.randomUUID().toString();
        DealTagged tagged = new DealTagged(dealId, "sales", 1, "it", "first");
        eventStore.publish(new GenericDomainEventMessage<>("Deal", dealId, 0, tagged));

        eventStore.publish(new GenericDomainEventMessage<>("Deal", dealId, 1, tagged));

        assertThatThrownBy(() -> eventStore.publish(new GenericDomainEventMessage<>("Deal", dealId, 0,
                new DealTagged(dealId, "sales", 1, "other-instance", "second"))))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> eventStore.publish(new GenericDomainEventMessage<>("Deal", dealId, 1,
                new DealTagged(dealId, "sales", 1, "other-instance", "second"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", dealId).query(Long.class).single()).isEqualTo(2);
    }
}
