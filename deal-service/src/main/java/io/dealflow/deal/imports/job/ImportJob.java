package io.dealflow.deal.imports.job;

import io.dealflow.deal.imports.DealImportOutcome;
import io.dealflow.deal.imports.RefusedDeal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** One import's progress, updated by the deals decided in parallel and read by {@code GET} at any moment. */
final class ImportJob {

    private final String id;
    private final String pipelineId;
    private final boolean dryRun;
    private final Instant startedAt;
    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong imported = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final List<RefusedDeal> refused = new ArrayList<>();
    private volatile ImportState state = ImportState.RUNNING;
    private volatile Instant finishedAt;
    private volatile String error;

    ImportJob(String id, String pipelineId, boolean dryRun, Instant startedAt) {
        this.id = id;
        this.pipelineId = pipelineId;
        this.dryRun = dryRun;
        this.startedAt = startedAt;
    }

    String id() {
        return id;
    }

    String pipelineId() {
        return pipelineId;
    }

    boolean dryRun() {
        return dryRun;
    }

    long rowsRead() {
        return rowsRead.get();
    }

    void rowsRead(int rows) {
        rowsRead.addAndGet(rows);
    }

    void record(DealImportOutcome outcome) {
        if (outcome.isImported()) {
            imported.incrementAndGet();
            events.addAndGet(outcome.events());
        } else {
            synchronized (refused) {
                refused.add(outcome.refusal());
            }
        }
    }

    void finished(Instant at) {
        finishedAt = at;
        state = ImportState.DONE;
    }

    void failed(Instant at, String why) {
        error = why;
        finishedAt = at;
        state = ImportState.FAILED;
    }

    boolean isRunning() {
        return state == ImportState.RUNNING;
    }

    ImportView view() {
        ImportState now = state;
        List<RefusedDeal> refusedSoFar;
        synchronized (refused) {
            refusedSoFar = new ArrayList<>(refused);
        }
        // deals are decided in parallel; the answer lists them in the file's order
        refusedSoFar.sort(Comparator.comparingLong(RefusedDeal::line));
        ImportAnswer answer = now == ImportState.RUNNING ? null
                : new ImportAnswer(imported.get(), refusedSoFar, events.get());
        return new ImportView(id, pipelineId, dryRun, now, startedAt, finishedAt, rowsRead.get(), imported.get(),
                refusedSoFar.size(), events.get(), answer, error);
    }
}
