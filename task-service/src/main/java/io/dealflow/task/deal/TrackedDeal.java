package io.dealflow.task.deal;

import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealWon;

/** What task-service knows of a deal from its events. */
public record TrackedDeal(String dealId, String pipelineId, int pipelineVersion, String title, String stageId,
                          String managerId, boolean open) {

    /** The deal as its opening makes it known. */
    public static TrackedDeal opened(DealOpened opened) {
        return new TrackedDeal(opened.dealId(), opened.pipelineId(), opened.pipelineVersion(), opened.title(),
                opened.stageId(), opened.managerId(), true);
    }

    /**
     * The deal after one of its later events: the pipeline version the event names, and the stage, the manager or
     * the openness the event changes. The deal refuses every change once closed, so a closed deal stays closed.
     */
    public TrackedDeal after(DealEvent event) {
        String manager = event instanceof DealManagerReassigned reassigned ? reassigned.toManagerId() : managerId;
        String stage = event instanceof DealStageChanged changed ? changed.toStageId() : stageId;
        boolean stillOpen = open && !(event instanceof DealWon) && !(event instanceof DealLost);
        return new TrackedDeal(dealId, pipelineId, event.pipelineVersion(), title, stage, manager, stillOpen);
    }
}
