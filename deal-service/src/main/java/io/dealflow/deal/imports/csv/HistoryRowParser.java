package io.dealflow.deal.imports.csv;

import io.dealflow.api.ProblemTypes;
import io.dealflow.api.json.IsoInstants;
import io.dealflow.deal.deal.command.HistoryAction;
import io.dealflow.deal.deal.command.HistoryRow;
import io.dealflow.deal.deal.web.DealInputLimits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns one record's values into a {@link HistoryRow}, checking what the format itself asks for (the columns an
 * action needs, ISO-8601 times, the sizes a live request may have). It decides no funnel rule: those are the
 * {@code Deal} aggregate's, exactly as for live commands.
 */
public final class HistoryRowParser {

    private final HistoryColumns columns;

    public HistoryRowParser(HistoryColumns columns) {
        this.columns = columns;
    }

    /** @param value a column's value by column name; null or empty when the cell is empty or absent */
    public ReadRow parse(long line, Function<String, String> value) {
        String externalRef = trimmed(value.apply(HistoryColumns.EXTERNAL_REF));
        if (externalRef == null) {
            return invalid(line, null, "externalRef is empty; every row names its deal.");
        }
        if (externalRef.length() > DealInputLimits.EXTERNAL_REF) {
            return invalid(line, externalRef, "externalRef is longer than " + DealInputLimits.EXTERNAL_REF + ".");
        }
        Instant occurredAt;
        try {
            occurredAt = instant(trimmed(value.apply(HistoryColumns.OCCURRED_AT)));
        } catch (DateTimeParseException e) {
            return invalid(line, externalRef, "occurredAt '" + value.apply(HistoryColumns.OCCURRED_AT)
                    + "' is not ISO-8601 (2024-03-01T09:30:00Z, 2024-03-01T12:30:00+03:00 or 2024-03-01).");
        }
        HistoryAction action = action(trimmed(value.apply(HistoryColumns.ACTION)));
        if (action == null) {
            return invalid(line, externalRef, "action '" + value.apply(HistoryColumns.ACTION) + "' is not one of "
                    + java.util.Arrays.toString(HistoryAction.values()) + ".");
        }
        String stageId = trimmed(value.apply(HistoryColumns.STAGE_ID));
        String managerId = trimmed(value.apply(HistoryColumns.MANAGER_ID));
        String title = trimmed(value.apply(HistoryColumns.TITLE));
        String reasonCode = trimmed(value.apply(HistoryColumns.REASON_CODE));
        String comment = trimmed(value.apply(HistoryColumns.COMMENT));
        String missing = missingFor(action, stageId, managerId, title);
        if (missing != null) {
            return invalid(line, externalRef, action + " needs " + missing + ".");
        }
        String tooLong = tooLong(stageId, managerId, title, reasonCode, comment);
        if (tooLong != null) {
            return invalid(line, externalRef, tooLong);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String> column : columns.fieldColumns().entrySet()) {
            String fieldValue = trimmed(value.apply(column.getKey()));
            if (fieldValue != null) {
                if (fieldValue.length() > DealInputLimits.FIELD_VALUE) {
                    return invalid(line, externalRef, column.getKey() + " is longer than "
                            + DealInputLimits.FIELD_VALUE + ".");
                }
                fields.put(column.getValue(), fieldValue);
            }
        }
        return ReadRow.of(new HistoryRow(line, occurredAt, action, stageId, managerId, title, reasonCode, comment,
                fields), externalRef);
    }

    /** ISO-8601 with an offset, or a date alone, which is that day's 00:00 UTC (DESIGN §7). */
    static Instant instant(String text) {
        if (text == null) {
            throw new DateTimeParseException("empty", "", 0);
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        Instant common = IsoInstants.parseCommonForm(text);
        return common != null ? common : OffsetDateTime.parse(text).toInstant();
    }

    private static HistoryAction action(String text) {
        if (text == null) {
            return null;
        }
        try {
            return HistoryAction.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String missingFor(HistoryAction action, String stageId, String managerId, String title) {
        return switch (action) {
            case OPENED -> title == null ? "a title" : managerId == null ? "a managerId" : null;
            case MOVED -> stageId == null ? "a stageId" : null;
            case REASSIGNED -> managerId == null ? "a managerId" : null;
            case WON, LOST, FIELDS -> null;
        };
    }

    private static String tooLong(String stageId, String managerId, String title, String reasonCode, String comment) {
        if (longer(stageId, DealInputLimits.ID) || longer(managerId, DealInputLimits.ID)
                || longer(reasonCode, DealInputLimits.ID)) {
            return "stageId, managerId and reasonCode are at most " + DealInputLimits.ID + " characters.";
        }
        if (longer(title, DealInputLimits.TITLE)) {
            return "title is longer than " + DealInputLimits.TITLE + ".";
        }
        if (longer(comment, DealInputLimits.COMMENT)) {
            return "comment is longer than " + DealInputLimits.COMMENT + ".";
        }
        return null;
    }

    private static boolean longer(String value, int limit) {
        return value != null && value.length() > limit;
    }

    private static ReadRow invalid(long line, String externalRef, String detail) {
        return ReadRow.invalid(line, externalRef, ProblemTypes.IMPORT_ROW_INVALID, detail);
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
