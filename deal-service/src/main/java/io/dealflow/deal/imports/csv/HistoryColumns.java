package io.dealflow.deal.imports.csv;

import io.dealflow.deal.deal.web.DealInputLimits;
import io.dealflow.platform.problem.FieldViolation;
import io.dealflow.platform.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The header row of a history file (DESIGN §7): the fixed columns, of which {@code externalRef}, {@code occurredAt}
 * and {@code action} are required, plus any number of {@code field.<name>} columns. Any other column is refused, so a
 * misspelt {@code stageID} is not silently ignored.
 *
 * @param fieldColumns deal field name by column name, in file order
 */
public record HistoryColumns(Map<String, String> fieldColumns) {

    public static final String EXTERNAL_REF = "externalRef";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String ACTION = "action";
    public static final String STAGE_ID = "stageId";
    public static final String MANAGER_ID = "managerId";
    public static final String TITLE = "title";
    public static final String REASON_CODE = "reasonCode";
    public static final String COMMENT = "comment";
    public static final String FIELD_PREFIX = "field.";

    private static final List<String> REQUIRED = List.of(EXTERNAL_REF, OCCURRED_AT, ACTION);
    private static final Set<String> FIXED = Set.of(EXTERNAL_REF, OCCURRED_AT, ACTION, STAGE_ID, MANAGER_ID, TITLE,
            REASON_CODE, COMMENT);
    private static final Pattern FIELD_NAME = Pattern.compile(DealInputLimits.FIELD_NAME);

    public HistoryColumns {
        fieldColumns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldColumns));
    }

    /** @throws InvalidInputException naming every column that is missing, unknown, repeated or badly named */
    public static HistoryColumns of(List<String> header) {
        List<FieldViolation> problems = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        for (String column : header) {
            if (seen.contains(column)) {
                problems.add(new FieldViolation(column, "the column appears twice"));
                continue;
            }
            seen.add(column);
            if (column.startsWith(FIELD_PREFIX)) {
                String name = column.substring(FIELD_PREFIX.length());
                if (FIELD_NAME.matcher(name).matches()) {
                    fields.put(column, name);
                } else {
                    problems.add(new FieldViolation(column, DealInputLimits.FIELD_NAME_MESSAGE));
                }
            } else if (!FIXED.contains(column)) {
                problems.add(new FieldViolation(column, "not a column of the history format: use one of " + FIXED
                        + " or field.<name>"));
            }
        }
        for (String required : REQUIRED) {
            if (!seen.contains(required)) {
                problems.add(new FieldViolation(required, "the header row has no such column"));
            }
        }
        if (fields.size() > DealInputLimits.FIELDS) {
            problems.add(new FieldViolation(FIELD_PREFIX + "*", "at most " + DealInputLimits.FIELDS
                    + " field columns"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The CSV header row is not the history format. "
                    + InvalidInputException.summaryOf(problems), problems);
        }
        return new HistoryColumns(fields);
    }
}
