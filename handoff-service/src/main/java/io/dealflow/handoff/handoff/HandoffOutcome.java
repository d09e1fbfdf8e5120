package io.dealflow.handoff.handoff;

import java.util.Map;

/** What one attempt at a handoff came to; {@code targetDealId} is set once the deal is open, even if a later step failed. */
record HandoffOutcome(Kind kind, String targetDealId, Map<String, Object> problem) {

    static HandoffOutcome opened(String targetDealId) {
        return new HandoffOutcome(Kind.OPENED, targetDealId, null);
    }

    /** deal-service refused (e.g. a required field of the target's first stage is missing): final until fixed. */
    static HandoffOutcome refused(String openedDealId, Map<String, Object> problem) {
        return new HandoffOutcome(Kind.REFUSED, openedDealId, problem);
    }

    /** deal-service could not be reached or failed: try again later. */
    static HandoffOutcome unavailable(String openedDealId, Map<String, Object> problem) {
        return new HandoffOutcome(Kind.UNAVAILABLE, openedDealId, problem);
    }

    enum Kind { OPENED, REFUSED, UNAVAILABLE }
}
