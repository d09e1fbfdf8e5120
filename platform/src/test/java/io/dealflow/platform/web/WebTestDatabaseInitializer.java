package io.dealflow.platform.web;

import io.dealflow.platform.testing.TestAuthServer;
import io.dealflow.platform.testing.TestDatabase;
import io.dealflow.platform.testing.TestInfrastructure;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/** Gives the test service a fresh PostgreSQL database, migrated by Flyway with platform's own migration. */
public class WebTestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestInfrastructure.newDatabase("platform_web");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("platformWebTestDatabase", Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "spring.flyway.locations", "classpath:db/platform",
                "dealflow.security.issuer-uri", TestAuthServer.shared().issuer())));
    }
}
