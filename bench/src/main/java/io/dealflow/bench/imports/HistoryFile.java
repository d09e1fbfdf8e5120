package io.dealflow.bench.imports;

import io.dealflow.bench.pipeline.BenchPipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A year of history for the bench's pipeline in the import format (DESIGN §7), written to a file row by row: each
 * deal opened, moved four stages forward a day apart, and then lost (three deals in four) or left open. Every row is
 * one the live rules accept, so every deal must be imported.
 */
public final class HistoryFile {

    static final int MOVES = 4;

    private HistoryFile() {
    }

    /** @return the rows written, header excluded */
    public static long write(Path file, BenchPipeline pipeline, String run, int deals, Instant now) throws IOException {
        Instant start = now.minus(Duration.ofDays(365));
        long spacing = Math.max(1, Duration.ofDays(300).toSeconds() / Math.max(1, deals));
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("externalRef,occurredAt,action,stageId,managerId,title,reasonCode,comment,field.source\n");
            for (int i = 0; i < deals; i++) {
                String ref = run + "-" + i;
                Instant at = start.plusSeconds(spacing * i);
                out.write(ref + "," + at + ",OPENED,,manager-" + (i % 16) + ",\"Imported deal " + i
                        + ", bench\",,,\"CRM export, row " + i + "\"\n");
                rows++;
                for (int move = 1; move <= MOVES; move++) {
                    at = at.plus(Duration.ofDays(1));
                    out.write(ref + "," + at + ",MOVED," + pipeline.stage(move) + ",,,,,\n");
                    rows++;
                }
                if (i % 4 != 0) {
                    at = at.plus(Duration.ofDays(2));
                    out.write(ref + "," + at + ",LOST,,,," + BenchPipeline.LOSS_REASON
                            + ",\"Клієнт обрав іншого постачальника\",\n");
                    rows++;
                }
            }
        }
        return rows;
    }
}
