package io.dealflow.analytics.web;

import io.dealflow.analytics.rebuild.ProjectionRebuild;
import io.dealflow.analytics.rebuild.RebuildStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Rebuild the projections by replay (202, progress at the same path); reports keep answering meanwhile. */
@RestController
@RequestMapping(RebuildController.PATH)
class RebuildController {

    static final String PATH = "/api/v1/admin/projections/rebuild";

    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Starts a rebuild, or reports the one already running. */
    @PostMapping
    ResponseEntity<RebuildStatus> start() {
        return ResponseEntity.accepted().location(URI.create(PATH)).body(rebuild.start());
    }

    @GetMapping
    RebuildStatus status() {
        return rebuild.status();
    }
}
