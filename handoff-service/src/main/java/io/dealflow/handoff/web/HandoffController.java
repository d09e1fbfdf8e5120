package io.dealflow.handoff.web;

import io.dealflow.handoff.handoff.HandoffQueries;
import io.dealflow.handoff.handoff.HandoffRetries;
import io.dealflow.handoff.handoff.HandoffStatus;
import io.dealflow.handoff.handoff.HandoffView;
import io.dealflow.platform.paging.Page;
import io.dealflow.platform.pipelines.PipelineCatalog;
import io.dealflow.platform.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Handoffs over REST; who may call what is {@code HandoffServiceAccess}'s. */
@RestController
@RequestMapping("/api/v1/handoffs")
class HandoffController {

    private final HandoffQueries handoffs;
    private final HandoffRetries retries;
    private final PipelineCatalog pipelines;

    HandoffController(HandoffQueries handoffs, HandoffRetries retries, PipelineCatalog pipelines) {
        this.handoffs = handoffs;
        this.retries = retries;
        this.pipelines = pipelines;
    }

    /** Only handoffs from or to the caller's departments' pipelines. */
    @GetMapping
    Page<HandoffView> list(Caller caller, @RequestParam(required = false) HandoffStatus status,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return handoffs.page(status, pipelines.owners().pipelinesOf(caller.departments()).orElse(null), page, size);
    }

    @GetMapping("/{sourceDealId}")
    HandoffView one(@PathVariable String sourceDealId) {
        return handoffs.one(sourceDealId);
    }

    /** A failed handoff is attempted again at once (after, say, the target pipeline or the route was fixed). */
    @PostMapping("/{sourceDealId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    HandoffView retry(@PathVariable String sourceDealId) {
        return retries.retry(sourceDealId);
    }
}
