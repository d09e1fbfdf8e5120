package io.dealflow.platform.problem;

import io.dealflow.api.ProblemTypes;

import java.util.Map;

/** A conditional request's precondition, typically {@code If-Match}, did not hold (412). */
public class PreconditionFailedException extends ProblemException {

    public static final int STATUS = 412;

    public PreconditionFailedException(String detail) {
        this(ProblemTypes.PRECONDITION_FAILED, detail, Map.of());
    }

    public PreconditionFailedException(String type, String detail) {
        this(type, detail, Map.of());
    }

    public PreconditionFailedException(String type, String detail, Map<String, Object> properties) {
        super(STATUS, type, detail, properties);
    }
}
