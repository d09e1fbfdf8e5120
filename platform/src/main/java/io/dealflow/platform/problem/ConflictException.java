package io.dealflow.platform.problem;

import java.util.Map;

/** The request conflicts with the current state of the resource (409), e.g. {@code version-conflict}. */
public class ConflictException extends ProblemException {

    public static final int STATUS = 409;

    public ConflictException(String type, String detail) {
        this(type, detail, Map.of());
    }

    public ConflictException(String type, String detail, Map<String, Object> properties) {
        super(STATUS, type, detail, properties);
    }
}
