package io.dealflow.platform.outbox;

import io.dealflow.platform.kafka.KafkaEventPublisher;
import io.dealflow.platform.testing.TestDatabase;
import io.dealflow.platform.testing.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxAutoConfigurationTest {

    private static TestDatabase database;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class));

    @BeforeAll
    static void migrateAFreshDatabase() {
        database = TestInfrastructure.newDatabase("platform_outbox_config");
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/platform").load().migrate();
    }

    @Test
    void theOutboxIsRegisteredAsAnAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(OutboxAutoConfiguration.class.getName());
    }

    @Test
    void theOutboxIsOffUnlessEnabled() {
        runner.withUserConfiguration(DatabaseAndPublisher.class).run(context -> {
            assertThat(context).doesNotHaveBean(OutboxWriter.class);
            assertThat(context).doesNotHaveBean(OutboxRelay.class);
        });
    }

    @Test
    void enabledWithoutAPublisherTheOutboxStandsBack() {
        runner.withUserConfiguration(DatabaseOnly.class).withPropertyValues("dealflow.outbox.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OutboxWriter.class));
    }

    @Test
    void enabledWithADatabaseAndAPublisherItWritesAndRelaysWithTheDocumentedDefaults() {
        runner.withUserConfiguration(DatabaseAndPublisher.class).withPropertyValues("dealflow.outbox.enabled=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(OutboxWriter.class).hasSingleBean(OutboxRelay.class);
                    OutboxProperties properties = context.getBean(OutboxProperties.class);
                    assertThat(properties.batchSize()).isEqualTo(100);
                    assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(200));
                    assertThat(properties.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(properties.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.retention()).isEqualTo(Duration.ofDays(7));
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class DatabaseOnly {

        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource(new Driver(), database.jdbcUrl(), database.username(),
                    database.password());
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DatabaseAndPublisher extends DatabaseOnly {

        /** Never used: the outbox stays empty, and the producer is only created on the first send. */
        @Bean
        KafkaEventPublisher kafkaEventPublisher(MeterRegistry meters) {
            return new KafkaEventPublisher(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of())),
                    Duration.ofSeconds(1), Clock.systemUTC(), meters);
        }
    }
}
