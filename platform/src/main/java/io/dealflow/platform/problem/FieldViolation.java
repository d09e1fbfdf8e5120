package io.dealflow.platform.problem;

/**
 * One offending input: {@code field} is a path into the request ({@code title}, {@code stages[2].task.dueIn}), a
 * parameter or a header name; it is {@code null} when the complaint is about the input as a whole.
 */
public record FieldViolation(String field, String message) {
}
