package io.dealflow.deal.imports.job;

import io.dealflow.deal.imports.DealImportOutcome;
import io.dealflow.deal.imports.DealImporter;
import io.dealflow.deal.imports.csv.DealHistories;
import io.dealflow.deal.imports.csv.DealHistoryDraft;
import io.dealflow.deal.imports.csv.HistoryCsvReader;
import io.dealflow.platform.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs imports in the background: a file's rows are read one at a time, grouped into deals and the deals into
 * batches, and each batch is decided by one of {@code concurrency} workers (see {@link DealImporter}). At most twice
 * that many batches wait at any time, so the reader never runs ahead of the workers and memory stays bounded whatever
 * the file's size. Jobs live in this
 * instance's memory: {@code GET /api/v1/imports/{id}} is answered by the instance that took the file.
 */
@Component
public class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final DealImporter importer;
    private final ImportProperties properties;
    private final Clock clock;
    private final ExecutorService readers;
    private final ExecutorService workers;
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();

    ImportJobs(DealImporter importer, ImportProperties properties) {
        this.importer = importer;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.readers = Executors.newCachedThreadPool(named("import-reader"));
        this.workers = Executors.newFixedThreadPool(properties.concurrency(), named("import-worker"));
    }

    /**
     * Starts importing a spooled file, which is deleted once read. The header has been checked by opening it.
     *
     * @return the job's id
     */
    public String start(Path spooled, HistoryCsvReader reader, String pipelineId, boolean dryRun, Actor actor) {
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), pipelineId, dryRun, clock.instant());
        keep(job);
        log.info("Import {} into pipeline {} started{}", job.id(), pipelineId, dryRun ? " (dry run)" : "");
        readers.execute(() -> run(job, spooled, reader, actor));
        return job.id();
    }

    public Optional<ImportView> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(ImportJob::view);
        }
    }

    /** The pipeline an import goes into, for the access check of {@code GET /api/v1/imports/{id}}. */
    public Optional<String> pipelineOf(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(ImportJob::pipelineId);
        }
    }

    private void run(ImportJob job, Path spooled, HistoryCsvReader reader, Actor actor) {
        Semaphore waiting = new Semaphore(properties.concurrency() * 2);
        long nextProgress = properties.progressEveryRows();
        try (reader) {
            DealHistories deals = new DealHistories(reader, clock.instant(), properties.maxRowsPerDeal());
            List<DealHistoryDraft> batch = new ArrayList<>();
            int batchRows = 0;
            while (deals.hasNext()) {
                DealHistoryDraft deal = deals.next();
                job.rowsRead(deal.rowCount());
                batch.add(deal);
                batchRows += deal.rowCount();
                if (batch.size() >= properties.batchDeals() || batchRows >= properties.batchRows()) {
                    submit(job, List.copyOf(batch), actor, waiting);
                    batch.clear();
                    batchRows = 0;
                }
                if (job.rowsRead() >= nextProgress) {
                    progress(job);
                    nextProgress = job.rowsRead() + properties.progressEveryRows();
                }
            }
            submit(job, List.copyOf(batch), actor, waiting);
            waiting.acquire(properties.concurrency() * 2);
            job.finished(clock.instant());
        } catch (UncheckedIOException | IOException e) {
            waitFor(waiting);
            job.failed(clock.instant(), "The body could not be read past row " + job.rowsRead() + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.failed(clock.instant(), "The import was stopped (the service shut down).");
        } catch (RuntimeException e) {
            waitFor(waiting);
            log.error("Import {} failed", job.id(), e);
            job.failed(clock.instant(), "The import failed: " + e.getMessage());
        } finally {
            deleteQuietly(spooled);
        }
        ImportView done = job.view();
        log.info("Import {} into pipeline {} {}: {} rows read, {} deals imported, {} refused, {} events{}", job.id(),
                job.pipelineId(), done.state(), done.rowsRead(), done.dealsImported(), done.dealsRefused(),
                done.events(), job.dryRun() ? " (dry run: nothing written)" : "");
    }

    /** Waits while the workers have {@code 2 x concurrency} batches in hand, so the reader never runs far ahead. */
    private void submit(ImportJob job, List<DealHistoryDraft> batch, Actor actor, Semaphore waiting)
            throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        waiting.acquire();
        workers.execute(() -> {
            try {
                decide(job, batch, actor).forEach(job::record);
            } finally {
                waiting.release();
            }
        });
    }

    private List<DealImportOutcome> decide(ImportJob job, List<DealHistoryDraft> batch, Actor actor) {
        try {
            return importer.importDeals(job.pipelineId(), batch, actor, job.dryRun());
        } catch (RuntimeException e) {
            log.warn("Import {}: the {} deals from line {} failed", job.id(), batch.size(), batch.get(0).firstLine(),
                    e);
            return batch.stream().map(deal -> DealImportOutcome.failed(deal, e)).toList();
        }
    }

    private static void progress(ImportJob job) {
        ImportView now = job.view();
        log.info("Import {} into pipeline {}: {} rows read, {} deals imported, {} refused", job.id(),
                job.pipelineId(), now.rowsRead(), now.dealsImported(), now.dealsRefused());
    }

    private void waitFor(Semaphore waiting) {
        try {
            waiting.acquire(properties.concurrency() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void keep(ImportJob job) {
        synchronized (jobs) {
            jobs.put(job.id(), job);
            var oldest = jobs.values().iterator();
            while (jobs.size() > properties.keptJobs() && oldest.hasNext()) {
                if (!oldest.next().isRunning()) {
                    oldest.remove();
                }
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the spooled import {}", file, e);
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void destroy() {
        readers.shutdownNow();
        workers.shutdownNow();
    }
}
