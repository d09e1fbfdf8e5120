package io.dealflow.platform.problem;

import io.dealflow.api.ProblemTypes;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Describes a request body that could not be turned into the handler's argument, naming the JSON path when Jackson
 * knows it ({@code stages[1].sla}) and never echoing Jackson's own messages, which mention Java classes.
 */
final class MalformedBodies {

    private MalformedBodies() {
    }

    static ProblemDetail describe(HttpMessageNotReadableException failure) {
        JacksonException jackson = Causes.find(failure, JacksonException.class);
        if (jackson == null) {
            return Problems.of(400, ProblemTypes.MALFORMED_REQUEST, isMissingBody(failure)
                    ? "A request body is required."
                    : "The request body could not be read.");
        }
        String path = pathOf(jackson);
        if (path.isEmpty()) {
            return Problems.of(400, ProblemTypes.MALFORMED_REQUEST, wholeBodyDetail(jackson));
        }
        String message = messageFor(jackson);
        ProblemDetail problem = Problems.of(400, ProblemTypes.MALFORMED_REQUEST,
                "The request body could not be read: '" + path + "' " + message + ".");
        problem.setProperty(Problems.ERRORS, List.of(new FieldViolation(path, message)));
        return problem;
    }

    private static String wholeBodyDetail(JacksonException failure) {
        if (failure instanceof StreamReadException) {
            return "The request body is not valid JSON" + locationOf(failure) + ".";
        }
        if (failure instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "The request body must be " + describe(mismatched.getTargetType()) + ".";
        }
        return "The request body could not be read.";
    }

    private static boolean isMissingBody(HttpMessageNotReadableException failure) {
        String message = failure.getMessage();
        return message != null && message.startsWith("Required request body is missing");
    }

    /** {@code stages[1].task.dueIn}: properties joined by dots, array elements as indexes. */
    static String pathOf(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String messageFor(JacksonException failure) {
        if (failure instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (failure instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (failure instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        if (failure instanceof ValueInstantiationException
                && failure.getCause() instanceof IllegalArgumentException refusal && refusal.getMessage() != null) {
            // Value objects validate in their constructors; their message is written for the caller.
            return "is invalid: " + refusal.getMessage();
        }
        return "is invalid";
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        boolean primitiveNumber = type.isPrimitive() && type != boolean.class && type != char.class;
        if (Number.class.isAssignableFrom(type) || primitiveNumber) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a valid " + type.getSimpleName();
    }

    private static String locationOf(JacksonException failure) {
        TokenStreamLocation location = failure.getLocation();
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
