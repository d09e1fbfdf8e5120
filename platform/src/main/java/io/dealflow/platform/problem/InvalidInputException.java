package io.dealflow.platform.problem;

import io.dealflow.api.ProblemTypes;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The input is well-formed but invalid (400 {@code invalid-request}); {@link #errors()} names each offending field,
 * so that a client can point at them.
 */
public class InvalidInputException extends ProblemException {

    public static final int STATUS = 400;

    private final List<FieldViolation> errors;

    public InvalidInputException(List<FieldViolation> errors) {
        this(summaryOf(errors), errors);
    }

    public InvalidInputException(String detail, List<FieldViolation> errors) {
        super(STATUS, ProblemTypes.INVALID_REQUEST, detail, Map.of());
        this.errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> errors() {
        return errors;
    }

    /** A detail naming the offending fields, e.g. {@code Invalid value for: title, managerId.} */
    public static String summaryOf(List<FieldViolation> errors) {
        String fields = errors.stream()
                .map(FieldViolation::field)
                .filter(Objects::nonNull)
                .distinct()
                .collect(Collectors.joining(", "));
        return fields.isEmpty() ? "The request is invalid." : "Invalid value for: " + fields + ".";
    }
}
