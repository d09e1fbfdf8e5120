package io.dealflow.soak.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Every command of the run with its final answer, kept in memory and written out as CSV for a later look. */
public final class Ledger {

    private final List<LedgerEntry> entries = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    public long nextId() {
        return ids.incrementAndGet();
    }

    public synchronized void record(LedgerEntry entry) {
        entries.add(entry);
    }

    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    public void writeCsv(Path file) {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("id,kind,dealId,pipelineId,externalRef,stageId,idempotencyKey,outcome,status,version,problem,"
                    + "attempts,sentAt,answeredAt\n");
            for (LedgerEntry e : entries()) {
                out.write(String.join(",", Long.toString(e.id()), e.kind().name(), text(e.dealId()),
                        text(e.pipelineId()), text(e.externalRef()), text(e.stageId()), text(e.idempotencyKey()),
                        e.outcome().name(), Integer.toString(e.status()), e.version() == null ? "" : e.version().toString(),
                        text(e.problemType()), Integer.toString(e.attempts()), e.sentAt().toString(),
                        e.answeredAt().toString()));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the ledger to " + file, e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.replace(',', ';');
    }
}
