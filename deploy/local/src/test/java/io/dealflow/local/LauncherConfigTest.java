package io.dealflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LauncherConfigTest {

    private static final Path LAUNCHER_DIR = Path.of("/opt/dealflow/target");

    @Test
    void withoutSettingsEverythingRunsOnTheDocumentedLocalDefaults() {
        LauncherConfig config = LauncherConfig.from(Map.of(), List.of(), LAUNCHER_DIR);

        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.jdbcUrl("dealflow_deal")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/dealflow_deal");
        assertThat(config.pgUser()).isEqualTo("postgres");
        assertThat(config.pgPassword()).isEmpty();
        assertThat(config.kafkaDataDir()).isEqualTo(Path.of(".dealflow", "kafka").toAbsolutePath().normalize());
        assertThat(config.servicesDir()).isEqualTo(LAUNCHER_DIR.resolve("services"));
        assertThat(config.portOf(dealService())).isEqualTo(8081);
        assertThat(config.managementPortOf(dealService())).isEqualTo(9081);
        assertThat(config.reset()).isFalse();
    }

    @Test
    void eachServiceHasItsOwnHeapBoundWhichTheCommonOptionsMayOverride() {
        LauncherConfig defaults = LauncherConfig.from(Map.of(), List.of(), LAUNCHER_DIR);

        assertThat(defaults.jvmOptionsOf(dealService()))
                .containsExactly("-Xmx384m", "-Xms64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
        assertThat(defaults.jvmOptionsOf(ServiceSpec.AUTH_SERVER)).startsWith("-Xmx128m");
        assertThat(ServiceSpec.ALL).allSatisfy(spec -> assertThat(spec.maxHeap()).matches("\\d+m"));

        LauncherConfig overridden = LauncherConfig.from(
                Map.of("DEALFLOW_SERVICE_JAVA_OPTS", "-Xmx1g -XX:+UseG1GC"), List.of(), LAUNCHER_DIR);
        // the JVM takes the last -Xmx it is given
        assertThat(overridden.jvmOptionsOf(dealService())).containsExactly("-Xmx384m", "-Xmx1g", "-XX:+UseG1GC");
    }

    @Test
    void servicesGetTwoMallocArenasUnlessTheCallerSetsTheirNumber() {
        assertThat(LauncherConfig.from(Map.of(), List.of(), LAUNCHER_DIR).processEnvironment())
                .containsEntry("MALLOC_ARENA_MAX", "2");
        assertThat(LauncherConfig.from(Map.of("MALLOC_ARENA_MAX", "4"), List.of(), LAUNCHER_DIR).processEnvironment())
                .containsEntry("MALLOC_ARENA_MAX", "4");
    }

    @Test
    void theLocalAuthorizationServerIsTheIssuerAndKeepsItsKeyInTheDataDirectory() {
        LauncherConfig config = LauncherConfig.from(Map.of("DEALFLOW_AUTH_PORT", "19000",
                "DEALFLOW_DATA_DIR", "/var/tmp/df"), List.of(), LAUNCHER_DIR);

        assertThat(config.startsAuthServer()).isTrue();
        assertThat(config.issuer()).isEqualTo("http://127.0.0.1:19000");
        assertThat(config.authKeyFile()).isEqualTo(Path.of("/var/tmp/df/auth/signing-key.json"));
        assertThat(LauncherConfig.from(Map.of(), List.of(), LAUNCHER_DIR).issuer())
                .isEqualTo("http://127.0.0.1:9000");
    }

    @Test
    void anIssuerOfOnesOwnReplacesTheLocalAuthorizationServer() {
        LauncherConfig config = LauncherConfig.from(Map.of("DEALFLOW_OAUTH_ISSUER_URI",
                "https://sso.example.com/realms/dealflow"), List.of(), LAUNCHER_DIR);

        assertThat(config.startsAuthServer()).isFalse();
        assertThat(config.issuer()).isEqualTo("https://sso.example.com/realms/dealflow");
    }

    @Test
    void environmentVariablesOverrideTheDefaults() {
        LauncherConfig config = LauncherConfig.from(Map.of(
                "DEALFLOW_KAFKA_PORT", "19092",
                "DEALFLOW_PG_HOST", "db.local",
                "DEALFLOW_PG_PORT", "6543",
                "DEALFLOW_DATA_DIR", "/var/tmp/df",
                "DEAL_SERVICE_PORT", "18081",
                "DEAL_MANAGEMENT_PORT", "19081"), List.of(), LAUNCHER_DIR);

        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(config.jdbcUrl("dealflow_deal")).isEqualTo("jdbc:postgresql://db.local:6543/dealflow_deal");
        assertThat(config.kafkaDataDir()).isEqualTo(Path.of("/var/tmp/df/kafka"));
        assertThat(config.portOf(dealService())).isEqualTo(18081);
        assertThat(config.managementPortOf(dealService())).isEqualTo(19081);
    }

    @Test
    void kafkaDataIsWipedOnlyWhenAskedFor() {
        assertThat(LauncherConfig.from(Map.of(), List.of("--reset"), LAUNCHER_DIR).reset()).isTrue();
        assertThat(LauncherConfig.from(Map.of("DEALFLOW_RESET", "true"), List.of(), LAUNCHER_DIR).reset()).isTrue();
    }

    @Test
    void anUnknownArgumentIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> LauncherConfig.from(Map.of(), List.of("--rest"), LAUNCHER_DIR))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("--rest")
                .hasMessageContaining("Usage");
    }

    @Test
    void aPortThatIsNotANumberIsNamedInTheError() {
        assertThatThrownBy(() -> LauncherConfig.from(Map.of("DEALFLOW_KAFKA_PORT", "nine"), List.of(), LAUNCHER_DIR))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("DEALFLOW_KAFKA_PORT");
    }

    private static ServiceSpec dealService() {
        return ServiceSpec.ALL.stream().filter(spec -> spec.name().equals("deal-service")).findFirst().orElseThrow();
    }
}
