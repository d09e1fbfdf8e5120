package io.dealflow.platform.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a deal history file in the import format (DESIGN §7) for the demo pipelines: one row per change, with the
 * {@code field.<name>} columns of the sales pipeline. Values are quoted as RFC 4180 asks.
 */
public final class HistoryCsv {

    public static final List<String> FIELDS = List.of("contactName", "phone", "source", "equipmentPreference",
            "clientType", "equipmentCategories", "equipment", "amount", "installationAddress");
    private static final List<String> SALES_STAGES = List.of("new-inquiry", "needs-identified", "finance-legal-check",
            "proposal", "proposal-sent");

    private final StringBuilder csv = new StringBuilder();
    private long lines = 1;
    private long rows;

    public HistoryCsv() {
        csv.append("externalRef,occurredAt,action,stageId,managerId,title,reasonCode,comment");
        FIELDS.forEach(field -> csv.append(",field.").append(field));
        csv.append("\r\n");
    }

    /** The rows written so far, header excluded. */
    public long rows() {
        return rows;
    }

    /** The line the next row will start on (a value with a line break makes its row two lines long). */
    public long nextLine() {
        return lines + 1;
    }

    public HistoryCsv row(String externalRef, Instant at, String action, String stageId, String managerId,
                          String title, String reasonCode, String comment, Map<String, String> fields) {
        int start = csv.length();
        append(externalRef, at.toString(), action, stageId, managerId, title, reasonCode, comment);
        for (String field : FIELDS) {
            csv.append(',').append(quoted(fields.get(field)));
        }
        lines += 1 + csv.substring(start).chars().filter(c -> c == '\n').count();
        csv.append("\r\n");
        rows++;
        return this;
    }

    /** A sales deal opened with the contact the first stage requires. */
    public HistoryCsv salesOpened(String externalRef, Instant at, String managerId) {
        return row(externalRef, at, "OPENED", null, managerId, "Верстат, " + externalRef, null, null,
                salesContact());
    }

    public HistoryCsv moved(String externalRef, Instant at, String stageId) {
        return moved(externalRef, at, stageId, Map.of());
    }

    public HistoryCsv moved(String externalRef, Instant at, String stageId, Map<String, String> fields) {
        return row(externalRef, at, "MOVED", stageId, null, null, null, null, fields);
    }

    public HistoryCsv won(String externalRef, Instant at) {
        return row(externalRef, at, "WON", null, null, null, null, null, Map.of());
    }

    public HistoryCsv lost(String externalRef, Instant at, String reasonCode, String comment) {
        return row(externalRef, at, "LOST", null, null, null, reasonCode, comment, Map.of());
    }

    public HistoryCsv reassigned(String externalRef, Instant at, String managerId) {
        return row(externalRef, at, "REASSIGNED", null, managerId, null, null, null, Map.of());
    }

    /**
     * Moves a sales deal, opened before, from its first stage up to {@code stageId}, one stage every
     * {@code step} seconds from {@code from}, setting each stage's required fields on the row that enters it.
     *
     * @return the time of the last move
     */
    public Instant salesWalk(String externalRef, Instant from, long step, String stageId) {
        Instant at = from;
        for (String stage : SALES_STAGES.subList(1, SALES_STAGES.indexOf(stageId) + 1)) {
            at = at.plusSeconds(step);
            moved(externalRef, at, stage, requiredToEnter(stage));
        }
        return at;
    }

    /** {@link DemoDeals}' contact, with a name that needs quoting in CSV. */
    public static Map<String, String> salesContact() {
        Map<String, String> fields = new LinkedHashMap<>();
        ((Map<?, ?>) DemoDeals.salesDealWithContact().get("fields"))
                .forEach((name, value) -> fields.put(name.toString(), value.toString()));
        fields.put("contactName", "Іван \"Ваня\" Петренко");
        return fields;
    }

    public static Map<String, String> requiredToEnter(String salesStage) {
        return switch (salesStage) {
            case "needs-identified" -> Map.of("equipmentCategories", "lathes, mills");
            case "proposal-sent" -> Map.of("equipment", "CNC lathe TK-200", "amount", "125000",
                    "installationAddress", "Київ, вул. Садова, 1\nофіс 2");
            default -> Map.of();
        };
    }

    @Override
    public String toString() {
        return csv.toString();
    }

    private void append(String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(values[i]));
        }
    }

    private static String quoted(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
