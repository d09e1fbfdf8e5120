package io.dealflow.platform.problem;

import java.util.Map;

/** A funnel rule refused the request (422); the type names the rule, e.g. {@code stage-skip-not-allowed}. */
public class RuleViolationException extends ProblemException {

    public static final int STATUS = 422;

    public RuleViolationException(String type, String detail) {
        this(type, detail, Map.of());
    }

    public RuleViolationException(String type, String detail, Map<String, Object> properties) {
        super(STATUS, type, detail, properties);
    }
}
