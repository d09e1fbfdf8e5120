package io.dealflow.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SoakConfigTest {

    private static final Path REPOSITORY = Path.of("/opt/dealflow");

    @Test
    void withoutSettingsTheSoakRunsTenMinutesWithTwelveFaultsAndNoPostgresRestart() {
        SoakConfig config = SoakConfig.from(List.of(), Map.of(), REPOSITORY);

        assertThat(config.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.faults()).isEqualTo(12);
        assertThat(config.pgRestart()).isFalse();
        assertThat(config.dbPrefix()).isEqualTo("soak");
        assertThat(config.workDir()).isEqualTo(Path.of("/opt/dealflow/deploy/soak/target/run"));
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        SoakConfig config = SoakConfig.from(List.of("--duration=2m", "--faults=4"),
                Map.of("SOAK_DURATION", "PT30M", "SOAK_CLIENTS", "2", "SOAK_PG_RESTART", "true"), REPOSITORY);

        assertThat(config.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.faults()).isEqualTo(4);
        assertThat(config.clients()).isEqualTo(2);
        assertThat(config.pgRestart()).isTrue();
        assertThat(SoakConfig.duration("90s")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void whatCannotBeUnderstoodIsRefusedByName() {
        assertThatThrownBy(() -> SoakConfig.from(List.of("--minutes=3"), Map.of(), REPOSITORY))
                .hasMessageContaining("--minutes=3");
        assertThatThrownBy(() -> SoakConfig.from(List.of("--duration=soon"), Map.of(), REPOSITORY))
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> SoakConfig.from(List.of("--db-prefix=Soak; DROP"), Map.of(), REPOSITORY))
                .hasMessageContaining("db-prefix");
        assertThatThrownBy(() -> SoakConfig.from(List.of("--clients=0"), Map.of(), REPOSITORY))
                .hasMessageContaining("clients");
    }
}
