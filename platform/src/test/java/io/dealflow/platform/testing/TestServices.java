package io.dealflow.platform.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Real Dealflow services that other services' integration tests run against, one per JVM,
 * started on first use and stopped at JVM exit before the broker and databases.
 *
 * <p>Every test in the JVM shares the same instance: a test must not {@link ServiceUnderTest#stop()
 * stop} it, and should tell its own data apart (by deal id, say) rather than expect an empty service.
 */
public final class TestServices {

    /** Where deal-service's executable jar is; a path relative to the module's directory works. */
    public static final String DEAL_SERVICE_JAR_PROPERTY = "dealflow.test.deal-service-jar";
    /** From any sibling module's directory, which is where surefire and failsafe run. */
    static final String DEFAULT_DEAL_SERVICE_JAR = "../deal-service/target/deal-service.jar";

    private static ServiceUnderTest dealService;
    /** Remembered so that a service that cannot start fails every test at once, not each after a timeout. */
    private static RuntimeException dealServiceFailure;

    private TestServices() {
    }

    /**
     * deal-service with the demo pipelines seeded, on free ports, against a database of its own, the shared test
     * broker ({@link TestInfrastructure#kafka()}) and the test authorization server ({@link TestAuthServer}).
     */
    public static synchronized ServiceUnderTest dealService() {
        if (dealServiceFailure != null) {
            throw new IllegalStateException("deal-service already failed to start in this JVM", dealServiceFailure);
        }
        if (dealService == null) {
            try {
                dealService = startDealService();
            } catch (RuntimeException e) {
                dealServiceFailure = e;
                throw e;
            }
        }
        return dealService;
    }

    /**
     * For a {@code @DynamicPropertySource}: the service under test calls the shared deal-service
     * ({@code dealflow.deal-service.url}), started when the context is.
     */
    public static void callDealService(DynamicPropertyRegistry registry) {
        registry.add("dealflow.deal-service.url", () -> dealService().baseUrl());
    }

    private static ServiceUnderTest startDealService() {
        Path jar = dealServiceJar();
        TestDatabase database = TestInfrastructure.newDatabase("dealflow_deal_it");
        return ServiceUnderTest.start(new ServiceUnderTest.Spec("deal-service", jar, "DEAL_SERVICE_PORT",
                "DEAL_MANAGEMENT_PORT"), Map.of(
                "DEALFLOW_OAUTH_ISSUER_URI", TestAuthServer.shared().issuer(),
                "DEAL_DB_URL", database.jdbcUrl(),
                // PostgreSQL's connections are shared by every test JVM and service here
                "DEAL_DB_POOL_SIZE", "5",
                "DEALFLOW_DB_USER", database.username(),
                "DEALFLOW_DB_PASSWORD", database.password(),
                "KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafka().bootstrapServers(),
                // its default, pinned so that a developer's own environment cannot turn it off
                "DEALFLOW_SEED_PIPELINES", "true"));
    }

    private static Path dealServiceJar() {
        Path jar = Path.of(System.getProperty("user.dir"))
                .resolve(System.getProperty(DEAL_SERVICE_JAR_PROPERTY, DEFAULT_DEAL_SERVICE_JAR))
                .normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No deal-service jar at " + jar + ". Build deal-service first: "
                    + "./mvnw -pl deal-service -am package -DskipTests (or point -D" + DEAL_SERVICE_JAR_PROPERTY
                    + " at the jar).");
        }
        return jar;
    }
}
