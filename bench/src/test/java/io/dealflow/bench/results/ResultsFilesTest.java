package io.dealflow.bench.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsFilesTest {

    @TempDir
    Path directory;

    @Test
    void aRunIsWrittenAsMarkdownAndJsonNamedByDateAndMachineWithSkippedScenariosSaidSo() throws Exception {
        Results results = new Results(Instant.parse("2026-12-01T21:00:00Z"), Instant.parse("2026-12-01T21:30:00Z"),
                new Machine(2, 24, "Linux", "OpenJDK 17"), "http://127.0.0.1:8081", List.of("move"),
                List.of("settings: a short run"),
                List.of(new Figure("move", "move rate", 32, 2400.0, "/s", "≥ 2,000/s", true,
                                "raw INSERT/s @32: 4000.00", 0.6, 48_000, 0, null),
                        Figure.skipped("open", "skipped: not selected (bench.scenarios)")),
                List.of(), List.of());

        List<Path> files = ResultsFiles.write(results, directory);

        assertThat(files).extracting(path -> path.getFileName().toString())
                .containsExactly("2026-12-01-2c-24g.md", "2026-12-01-2c-24g.json");
        String markdown = Files.readString(files.get(0));
        assertThat(markdown).contains("| move | move rate | 32 | 2,400 /s | ≥ 2,000/s | yes | raw INSERT/s @32: 4000.00 "
                + "| 0.600 | 48000 | 0 |  |");
        assertThat(markdown).contains("| open | — |  | — |").contains("skipped: not selected");
        assertThat(Files.readString(files.get(1))).contains("\"ratio\" : 0.6")
                .contains("\"startedAt\" : \"2026-12-01T21:00:00Z\"");
    }
}
