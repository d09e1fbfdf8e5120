package io.dealflow.handoff.handoff;

import io.dealflow.platform.web.client.CallOutcome;

import java.util.Map;

/** What one attempt at a handoff came to; {@code targetDealId} is set once the deal is open, even if a later step failed. */
record HandoffOutcome(Kind kind, String targetDealId, Map<String, Object> problem) {

    static HandoffOutcome opened(String targetDealId) {
        return new HandoffOutcome(Kind.OPENED, targetDealId, null);
    }

    /**
     * A call that was not accepted: what is worth trying again (deal-service unreachable or failing, a race) is
     * retried by itself; a refusal or a missing target (a required field of the target's first stage, no such
     * pipeline) stays until a person fixes the cause and retries.
     *
     * @param openedDealId the deal already opened when a later step failed, or null
     */
    static HandoffOutcome failed(CallOutcome.Failure<?> call, String openedDealId) {
        return new HandoffOutcome(call.retryable() ? Kind.UNAVAILABLE : Kind.REFUSED, openedDealId,
                call.problem().asMap());
    }

    enum Kind { OPENED, REFUSED, UNAVAILABLE }
}
