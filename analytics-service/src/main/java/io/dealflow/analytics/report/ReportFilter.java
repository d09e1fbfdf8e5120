package io.dealflow.analytics.report;

import io.dealflow.platform.problem.InvalidInputException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The common query parameters of every report: a pipeline, an optional half-open period [{@code from}, {@code to})
 * and an optional manager. Dates are ISO-8601 instants ({@code 2030-01-15T09:00:00Z}) or days
 * ({@code 2030-01-15}, meaning its start in UTC).
 */
public record ReportFilter(String pipelineId, Instant from, Instant to, String managerId) {

    /** Bounds that stand for "no bound" in SQL, inside what both java.time and PostgreSQL represent exactly. */
    private static final OffsetDateTime EARLIEST = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime LATEST = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    public static ReportFilter of(String pipelineId, String from, String to, String managerId) {
        if (pipelineId == null || pipelineId.isBlank()) {
            throw InvalidInputException.of("pipelineId", "is required");
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw InvalidInputException.of("from", "must not be after 'to'");
        }
        return new ReportFilter(pipelineId, start, end, managerId == null || managerId.isBlank() ? null : managerId);
    }

    /** An ISO-8601 instant or day, or null when absent; anything else is a 400 naming the parameter. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw InvalidInputException.of(name, "must be an ISO-8601 instant such as 2030-01-15T09:00:00Z, or a"
                    + " day such as 2030-01-15; got '" + value + "'");
        }
    }

    public OffsetDateTime fromBound() {
        return from == null ? EARLIEST : from.atOffset(ZoneOffset.UTC);
    }

    public OffsetDateTime toBound() {
        return to == null ? LATEST : to.atOffset(ZoneOffset.UTC);
    }

    /** The manager to filter on, or the empty string for all (a typed SQL parameter, never null). */
    public String managerOrAll() {
        return managerId == null ? "" : managerId;
    }
}
