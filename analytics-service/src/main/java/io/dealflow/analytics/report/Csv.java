package io.dealflow.analytics.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** RFC 4180 CSV of report rows: one column per record component, in declaration order, so JSON and CSV agree. */
public final class Csv {

    private Csv() {
    }

    public static <T extends Record> String of(Class<T> rowType, List<T> rows) {
        RecordComponent[] columns = rowType.getRecordComponents();
        StringBuilder csv = new StringBuilder();
        csv.append(Stream.of(columns).map(RecordComponent::getName).collect(Collectors.joining(","))).append("\r\n");
        for (T row : rows) {
            csv.append(Stream.of(columns).map(column -> cell(value(column, row))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static Object value(RecordComponent column, Record row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + column.getName() + " of " + row, e);
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(" ")) : String.valueOf(value);
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
