package io.dealflow.handoff.handoff;

import io.dealflow.handoff.handoff.HandoffRefusal.HandoffNotFailed;
import io.dealflow.handoff.handoff.HandoffRefusal.HandoffNotFound;
import io.dealflow.handoff.handoff.HandoffRefusal.NoReceiver;
import io.dealflow.platform.refusal.RefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** The one thing people do to a handoff: have a failed one attempted again at once. */
@Service
public class HandoffRetries {

    private final HandoffStore store;
    private final Handoffs handoffs;
    private final Clock clock;

    HandoffRetries(HandoffStore store, Handoffs handoffs, Clock clock) {
        this.store = store;
        this.handoffs = handoffs;
        this.clock = clock;
    }

    @Transactional
    public HandoffView retry(String sourceDealId) {
        Handoff handoff = store.find(sourceDealId)
                .orElseThrow(() -> new RefusedException(new HandoffNotFound(sourceDealId)));
        if (handoff.status() != HandoffStatus.FAILED) {
            throw new RefusedException(new HandoffNotFailed(sourceDealId, handoff.status()));
        }
        if (handoff.hasNoReceiver() && !handoffs.assignReceiver(handoff)) {
            throw new RefusedException(new NoReceiver(handoff.fromPipelineId(), handoff.toPipelineId()));
        }
        store.retryNow(sourceDealId, clock.instant());
        return HandoffView.of(store.find(sourceDealId).orElseThrow());
    }
}
