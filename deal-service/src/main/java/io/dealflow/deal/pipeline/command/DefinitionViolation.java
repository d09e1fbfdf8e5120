package io.dealflow.deal.pipeline.command;

/**
 * One rule a pipeline definition breaks: {@code field} is the path into the definition ({@code stages[2].sla}),
 * {@code message} what it must be. Rendered in a refusal's {@code violations} with exactly these two members.
 */
public record DefinitionViolation(String field, String message) {
}
