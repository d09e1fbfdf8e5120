package io.dealflow.handoff.handoff;

import io.dealflow.handoff.handoff.HandoffRefusal.HandoffNotFound;
import io.dealflow.platform.paging.Page;
import io.dealflow.platform.refusal.RefusedException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What people see of handoffs; retrying one is {@link HandoffRetries}'. */
@Service
public class HandoffQueries {

    private final HandoffStore store;

    HandoffQueries(HandoffStore store) {
        this.store = store;
    }

    /** @param visible the pipelines whose handoffs the caller may see (from or to them), or null for all */
    public Page<HandoffView> page(HandoffStatus status, Set<String> visible, int page, int size) {
        if (visible != null && visible.isEmpty()) {
            return Page.empty(page, size);
        }
        return new Page<>(store.page(status, visible, page, size).stream().map(HandoffView::of).toList(), page,
                size, store.count(status, visible));
    }

    /** The pipelines a handoff joins, or empty when there is none for that deal. */
    public Optional<List<String>> pipelinesOf(String sourceDealId) {
        return store.find(sourceDealId).map(handoff -> List.of(handoff.fromPipelineId(), handoff.toPipelineId()));
    }

    public HandoffView one(String sourceDealId) {
        return HandoffView.of(store.find(sourceDealId).orElseThrow(() -> notFound(sourceDealId)));
    }

    private static RefusedException notFound(String sourceDealId) {
        return new RefusedException(new HandoffNotFound(sourceDealId));
    }
}
