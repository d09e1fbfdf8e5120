package io.dealflow.platform.outbox;

import io.dealflow.platform.testing.TestDatabase;
import io.dealflow.platform.testing.TestInfrastructure;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;
import java.util.Map;

/**
 * A minimal publishing service for the outbox tests: platform's auto-configurations (the outbox among them, found
 * through the imports file) on a given database, migrated with platform's migrations, and the shared test broker.
 * Several instances may run on one database, as several replicas of a service would.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class OutboxTestApplication {

    /**
     * Starts an instance with a fast relay (short polls and back-offs, a 2 s acknowledgement timeout so a stopped
     * broker shows quickly), plus {@code extraConfiguration}; {@code overrides} are {@code name=value} pairs.
     */
    static ConfigurableApplicationContext start(TestDatabase database, Class<?>[] extraConfiguration,
                                                String... overrides) {
        Class<?>[] sources = new Class<?>[extraConfiguration.length + 1];
        sources[0] = OutboxTestApplication.class;
        System.arraycopy(extraConfiguration, 0, sources, 1, extraConfiguration.length);
        String[] arguments = Arrays.stream(overrides).map(pair -> "--" + pair).toArray(String[]::new);
        return new SpringApplicationBuilder(sources)
                .web(WebApplicationType.NONE)
                .properties(Map.ofEntries(
                        Map.entry("spring.config.name", "outbox-test"),
                        Map.entry("spring.main.banner-mode", "off"),
                        Map.entry("spring.datasource.url", database.jdbcUrl()),
                        Map.entry("spring.datasource.username", database.username()),
                        Map.entry("spring.datasource.password", database.password()),
                        Map.entry("spring.datasource.hikari.maximum-pool-size", "4"),
                        Map.entry("spring.flyway.locations", "classpath:db/platform"),
                        Map.entry("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers()),
                        Map.entry("dealflow.kafka.publishing.enabled", "true"),
                        Map.entry("dealflow.kafka.publishing.ack-timeout", "2s"),
                        Map.entry("dealflow.outbox.enabled", "true"),
                        Map.entry("dealflow.outbox.batch-size", "10"),
                        Map.entry("dealflow.outbox.poll-interval", "50ms"),
                        Map.entry("dealflow.outbox.initial-backoff", "100ms"),
                        Map.entry("dealflow.outbox.max-backoff", "500ms")))
                .run(arguments);
    }

    static ConfigurableApplicationContext start(TestDatabase database, String... overrides) {
        return start(database, new Class<?>[0], overrides);
    }
}
