package io.dealflow.bench.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchConfigTest {

    @Test
    void byDefaultEveryScenarioRunsAtDesignsConcurrencyRatesAndScale() {
        BenchConfig config = BenchConfig.from(new Settings(Map.of()));

        assertThat(config.scenarios()).containsExactly(Scenario.values());
        assertThat(config.connections()).containsExactly(1, 16, 32);
        assertThat(config.fixedRate()).isEqualTo(1000);
        assertThat(config.lagSampleEvery()).isEqualTo(20);
        assertThat(config.scaleDeals()).isEqualTo(1_000_000);
        assertThat(config.target().dealUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(config.target().authUrl()).isEqualTo("http://127.0.0.1:9000");
        assertThat(config.target().clients().integration().clientId()).isEqualTo("demo-integration");
        assertThat(config.target().clients().admin().clientId()).isEqualTo("dealflow-admin");
        assertThat(config.target().jdbcUrl(config.target().serviceDatabase("analytics")))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/dealflow_analytics");
    }

    @Test
    void aPartialRunNamesItsScenariosAndDurations() {
        BenchConfig config = BenchConfig.from(new Settings(Map.of("bench.scenarios", "move, open",
                "bench.duration", "20s", "bench.fixed.duration", "PT2M", "bench.baseline.duration", "1500ms",
                "bench.scale.deals", "2_000")));

        assertThat(config.scenarios()).containsExactly(Scenario.OPEN, Scenario.MOVE);
        assertThat(config.runs(Scenario.SCALE)).isFalse();
        assertThat(config.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.fixedDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.baselineDuration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.scaleDeals()).isEqualTo(2_000);
    }

    @Test
    void anUnknownScenarioIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> BenchConfig.from(new Settings(Map.of("bench.scenarios", "open,soak"))))
                .hasMessageContaining("soak").hasMessageContaining("replay");
    }
}
