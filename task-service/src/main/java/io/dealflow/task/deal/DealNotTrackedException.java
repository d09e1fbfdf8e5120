package io.dealflow.task.deal;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.NotFoundException;

/**
 * task-service has seen no deal with this id: none exists, or its opening has not arrived from deal-service's events
 * yet. Where a request names the deal itself (a new manual task), {@link UnseenDeals} tells the two apart.
 */
public class DealNotTrackedException extends NotFoundException {

    private final String dealId;

    public DealNotTrackedException(String dealId) {
        super(ProblemTypes.DEAL_NOT_FOUND,
                "task-service knows no deal " + dealId + " (yet: deals arrive from deal-service's events).");
        this.dealId = dealId;
    }

    public String dealId() {
        return dealId;
    }
}
