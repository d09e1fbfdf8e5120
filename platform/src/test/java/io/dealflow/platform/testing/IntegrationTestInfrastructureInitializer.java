package io.dealflow.platform.testing;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context under test at a fresh database of its own, at the shared broker and at the test
 * authorization server, whose tokens it then accepts like any service does ({@link TestAuthServer}).
 *
 * <p>One database per context keeps cached contexts from seeing each other's rows, while the
 * broker is shared because starting one is the expensive part. The database name starts with
 * {@value #PREFIX_PROPERTY} when the context's environment sets it, else {@value #DEFAULT_PREFIX}.
 */
public class IntegrationTestInfrastructureInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PREFIX_PROPERTY = "dealflow.test.database-prefix";
    /** Set by this initializer, so a test can tell which database its context uses. */
    public static final String DATABASE_NAME_PROPERTY = "dealflow.test.database-name";
    static final String DEFAULT_PREFIX = "dealflow_it";
    static final String PROPERTY_SOURCE_NAME = "dealflowTestInfrastructure";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        TestDatabase database = TestInfrastructure.newDatabase(environment.getProperty(PREFIX_PROPERTY, DEFAULT_PREFIX));
        KafkaUnderTest kafka = TestInfrastructure.kafka();
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "dealflow.security.issuer-uri", TestAuthServer.shared().issuer(),
                DATABASE_NAME_PROPERTY, database.name())));
        TestInfrastructure.closeBeforeShutdown(context);
    }
}
