package io.dealflow.platform.problem;

import java.util.Map;

/** The addressed resource does not exist (404); the type says which kind, e.g. {@code deal-not-found}. */
public class NotFoundException extends ProblemException {

    public static final int STATUS = 404;

    public NotFoundException(String type, String detail) {
        this(type, detail, Map.of());
    }

    public NotFoundException(String type, String detail, Map<String, Object> properties) {
        super(STATUS, type, detail, properties);
    }
}
