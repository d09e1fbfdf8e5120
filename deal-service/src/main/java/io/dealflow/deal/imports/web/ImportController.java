package io.dealflow.deal.imports.web;

import io.dealflow.api.ProblemTypes;
import io.dealflow.deal.imports.csv.HistoryCsvReader;
import io.dealflow.deal.imports.job.ImportJobs;
import io.dealflow.deal.imports.job.ImportView;
import io.dealflow.deal.pipeline.command.PipelineCatalog;
import io.dealflow.platform.problem.InvalidInputException;
import io.dealflow.platform.problem.NotFoundException;
import io.dealflow.platform.security.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Takes a deal history file (DESIGN §7) and runs it as a background job: the body is copied to a temporary file as
 * it arrives (never held in memory), its header row is checked, and the answer is 202 with the job's Location, where
 * progress and, once done, the answer are. Every decision about the rows is the {@code Deal} aggregate's.
 */
@RestController
@RequestMapping(ImportController.IMPORTS)
class ImportController {

    static final String IMPORTS = "/api/v1/imports";
    static final String CSV = "text/csv";

    private final ImportJobs jobs;
    private final PipelineCatalog pipelines;

    ImportController(ImportJobs jobs, PipelineCatalog pipelines) {
        this.jobs = jobs;
        this.pipelines = pipelines;
    }

    @PostMapping(consumes = CSV)
    ResponseEntity<ImportView> start(@RequestParam @NotBlank String pipelineId,
                                     @RequestParam(defaultValue = "false") boolean dryRun,
                                     HttpServletRequest request, Actor actor) throws IOException {
        if (pipelines.latest(pipelineId).isEmpty()) {
            throw new NotFoundException(ProblemTypes.PIPELINE_NOT_FOUND, "There is no pipeline '" + pipelineId + "'.");
        }
        Path spooled = Files.createTempFile("dealflow-import-", ".csv");
        try {
            try (InputStream body = request.getInputStream()) {
                Files.copy(body, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
            HistoryCsvReader reader = open(spooled);
            String id = jobs.start(spooled, reader, pipelineId, dryRun, actor);
            ImportView started = jobs.find(id).orElseThrow();
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(IMPORTS + "/" + id)).body(started);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spooled);
            throw e;
        }
    }

    @GetMapping("/{importId}")
    ImportView get(@PathVariable String importId) {
        return jobs.find(importId).orElseThrow(() -> new NotFoundException(ProblemTypes.IMPORT_NOT_FOUND,
                "There is no import " + importId + " on this instance (finished imports are kept for a while)."));
    }

    private static HistoryCsvReader open(Path spooled) throws IOException {
        try {
            return HistoryCsvReader.open(Files.newInputStream(spooled));
        } catch (UncheckedIOException e) {
            throw InvalidInputException.of("body", "the body is not UTF-8 CSV: " + e.getCause().getMessage());
        }
    }
}
