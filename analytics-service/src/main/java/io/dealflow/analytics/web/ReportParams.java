package io.dealflow.analytics.web;

/**
 * The query parameters every report takes, bound from the query string. Kept as text here: {@code ReportFilter}
 * parses and validates them, so that a bad value is a problem+json naming the field, not a binding error.
 */
record ReportParams(String pipelineId, String from, String to, String managerId) {
}
