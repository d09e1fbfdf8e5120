package io.dealflow.platform.testing;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs an import of deal history through deal-service's API and waits for its answer. */
public final class Imports {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private Imports() {
    }

    /** @return the finished import ({@code state}, {@code answer}, progress counters) */
    public static JsonNode run(HttpApi api, String pipelineId, String csv, boolean dryRun) {
        ApiResponse started = api.postCsv("/api/v1/imports?pipelineId=" + pipelineId + (dryRun ? "&dryRun=true" : ""),
                csv);
        assertThat(started.status()).as("import started: %s", started.body()).isEqualTo(202);
        String location = started.headers().getLocation().toString();
        AtomicReference<JsonNode> done = new AtomicReference<>();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode now = api.get(location).body();
            assertThat(now.path("state").asString()).isNotEqualTo("RUNNING");
            done.set(now);
        });
        assertThat(done.get().path("state").asString()).as("import: %s", done.get()).isEqualTo("DONE");
        return done.get();
    }
}
