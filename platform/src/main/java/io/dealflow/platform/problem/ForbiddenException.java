package io.dealflow.platform.problem;

import java.util.Map;

/**
 * The caller is known but may not do this (403); the type says what is missing ({@code role-required},
 * {@code department-not-allowed}, {@code actor-not-allowed}) and the properties name it.
 */
public class ForbiddenException extends ProblemException {

    public static final int STATUS = 403;

    public ForbiddenException(String type, String detail, Map<String, Object> properties) {
        super(STATUS, type, detail, properties);
    }
}
