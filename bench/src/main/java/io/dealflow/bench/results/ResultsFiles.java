package io.dealflow.bench.results;

import io.dealflow.bench.measure.PerSecond;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Writes a run as {@code <date>-<cores>c-<memory>g.md} and {@code .json} (same figures, for tools). */
public final class ResultsFiles {

    private ResultsFiles() {
    }

    public static List<Path> write(Results results, Path directory) throws IOException {
        Files.createDirectories(directory);
        String name = results.startedAt().atOffset(ZoneOffset.UTC).toLocalDate() + "-" + results.machine().tag();
        Path json = directory.resolve(name + ".json");
        Path markdown = directory.resolve(name + ".md");
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(json, mapper.writeValueAsString(results) + "\n");
        Files.writeString(markdown, markdown(results));
        return List.of(markdown, json);
    }

    static String markdown(Results results) {
        StringBuilder md = new StringBuilder();
        Machine machine = results.machine();
        md.append("# Dealflow bench, ").append(results.startedAt().atOffset(ZoneOffset.UTC).toLocalDate())
                .append("\n\n");
        md.append("- machine: ").append(machine.cores()).append(" cores, ").append(machine.memoryGiB())
                .append(" GiB, ").append(machine.os()).append(", ").append(machine.java()).append('\n');
        md.append("- run: ").append(results.startedAt()).append(" to ").append(results.finishedAt()).append('\n');
        md.append("- system under test: ").append(results.target()).append('\n');
        md.append("- scenarios run: ").append(String.join(", ", results.scenarios())).append('\n');
        results.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        md.append("\nTargets are docs/performance.md's (2 cores, everything on one box). Ratio = figure / the raw baseline "
                + "named beside it, measured in the same run on the same machine.\n\n");
        md.append("| scenario | figure | conns | value | target | met | raw baseline | ratio | samples | errors | note |\n");
        md.append("|---|---|---:|---:|---|---|---|---:|---:|---:|---|\n");
        for (Figure f : results.figures()) {
            md.append("| ").append(f.scenario())
                    .append(" | ").append(f.name())
                    .append(" | ").append(f.connections() == null ? "" : f.connections())
                    .append(" | ").append(f.value() == null ? "—" : number(f.value()) + " " + f.unit())
                    .append(" | ").append(f.target())
                    .append(" | ").append(f.met() == null ? "" : f.met() ? "yes" : "**no**")
                    .append(" | ").append(f.baseline())
                    .append(" | ").append(f.ratio() == null ? "" : String.format(Locale.ROOT, "%.3f", f.ratio()))
                    .append(" | ").append(f.samples())
                    .append(" | ").append(f.errors())
                    .append(" | ").append(f.note() == null ? "" : f.note())
                    .append(" |\n");
        }
        if (!results.fixedRatePerSecond().isEmpty()) {
            md.append("\n## Fixed rate, per second\n\n| second | answered | p50 ms | p99 ms | max ms |\n")
                    .append("|---:|---:|---:|---:|---:|\n");
            for (PerSecond.Row row : results.fixedRatePerSecond()) {
                md.append("| ").append(row.second()).append(" | ").append(row.answered())
                        .append(" | ").append(number(row.p50Ms())).append(" | ").append(number(row.p99Ms()))
                        .append(" | ").append(number(row.maxMs())).append(" |\n");
            }
        }
        if (!results.failures().isEmpty()) {
            md.append("\n## Failures\n\n");
            results.failures().forEach(failure -> md.append("- ").append(failure).append('\n'));
        }
        return md.toString();
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
