package io.dealflow.handoff.handoff;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.NotFoundException;
import io.dealflow.platform.problem.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What people see of handoffs and the one thing they do: retry a failed one. */
@Service
public class HandoffQueries {

    private final HandoffStore store;
    private final Handoffs handoffs;
    private final Clock clock;

    HandoffQueries(HandoffStore store, Handoffs handoffs, Clock clock) {
        this.store = store;
        this.handoffs = handoffs;
        this.clock = clock;
    }

    /** @param visible the pipelines whose handoffs the caller may see (from or to them), or null for all */
    public HandoffPage page(HandoffStatus status, Set<String> visible, int page, int size) {
        if (visible != null && visible.isEmpty()) {
            return new HandoffPage(List.of(), page, size, 0);
        }
        return new HandoffPage(store.page(status, visible, page, size).stream().map(HandoffView::of).toList(), page,
                size, store.count(status, visible));
    }

    /** The pipelines a handoff joins, or empty when there is none for that deal. */
    public Optional<List<String>> pipelinesOf(String sourceDealId) {
        return store.find(sourceDealId).map(handoff -> List.of(handoff.fromPipelineId(), handoff.toPipelineId()));
    }

    public HandoffView one(String sourceDealId) {
        return HandoffView.of(store.find(sourceDealId).orElseThrow(() -> notFound(sourceDealId)));
    }

    @Transactional
    public HandoffView retry(String sourceDealId) {
        Handoff handoff = store.find(sourceDealId).orElseThrow(() -> notFound(sourceDealId));
        if (handoff.status() != HandoffStatus.FAILED) {
            throw new RuleViolationException(ProblemTypes.HANDOFF_NOT_FAILED,
                    "The handoff of deal " + sourceDealId + " is " + handoff.status() + "; only a failed one is retried.",
                    Map.of("handoffStatus", handoff.status().name()));
        }
        if (handoff.hasNoReceiver() && !handoffs.assignReceiver(handoff)) {
            throw new RuleViolationException(ProblemTypes.NO_RECEIVER, "The route from " + handoff.fromPipelineId()
                    + " to " + handoff.toPipelineId() + " still names nobody to receive the deal: configure "
                    + "dealflow.handoff.routes or the target department's members (dealflow.handoff.departments), "
                    + "or move the target pipeline to a department that has members, then retry.",
                    Map.of("fromPipelineId", handoff.fromPipelineId(), "toPipelineId", handoff.toPipelineId()));
        }
        store.retryNow(sourceDealId, clock.instant());
        return HandoffView.of(store.find(sourceDealId).orElseThrow());
    }

    private static NotFoundException notFound(String sourceDealId) {
        return new NotFoundException(ProblemTypes.HANDOFF_NOT_FOUND, "No handoff for deal " + sourceDealId
                + " (it was not won, its pipeline has no route, or its DealWon has not been consumed yet).");
    }

    /** The Page representation of DESIGN §4. */
    public record HandoffPage(List<HandoffView> items, int page, int size, long total) {
    }
}
