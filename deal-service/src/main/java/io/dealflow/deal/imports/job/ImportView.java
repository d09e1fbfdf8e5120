package io.dealflow.deal.imports.job;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * An import as {@code GET /api/v1/imports/{id}} shows it: progress while it runs, the answer once it is done.
 *
 * @param answer null while running
 * @param error  why the body could not be read to its end; null unless FAILED
 */
public record ImportView(String id, String pipelineId, boolean dryRun, ImportState state, Instant startedAt,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Instant finishedAt, long rowsRead,
                         long dealsImported, long dealsRefused, long events,
                         @JsonInclude(JsonInclude.Include.NON_NULL) ImportAnswer answer,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
}
