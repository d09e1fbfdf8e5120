package io.dealflow.platform.refusal;

import io.dealflow.api.ProblemTypes;

/**
 * A refusal of one input value rather than of a rule's outcome ({@code dueAt} in the past, a blank reason): answered
 * as {@code invalid-request} with the field in {@code errors}, exactly as an invalid request body is, so that a
 * client points at the field whichever check found it.
 */
public interface InvalidInput extends Refusal {

    /** The offending input as the client named it, e.g. {@code nextTask.dueAt}. */
    String field();

    /** What the value must be. */
    String message();

    @Override
    default String type() {
        return ProblemTypes.INVALID_REQUEST;
    }

    @Override
    default String detail() {
        return "Invalid value for: " + field() + ".";
    }
}
