package io.dealflow.soak.observe;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * Reads a deal event's fields the same way from the topic's value (envelope and fields at one level) and from the
 * event store's payload (the record's fields alone; type, sequence and time come from the row).
 */
final class DealEventParser {

    private DealEventParser() {
    }

    static DealEventRecord parse(JsonNode fields, String type, long sequence, Instant occurredAt) {
        String stage = switch (type) {
            case "DealStageChanged" -> text(fields, "toStageId");
            default -> text(fields, "stageId");
        };
        String manager = "DealManagerReassigned".equals(type) ? text(fields, "toManagerId") : text(fields, "managerId");
        return new DealEventRecord(text(fields, "dealId"), sequence, type, text(fields, "pipelineId"),
                fields.path("pipelineVersion").asInt(0), stage, text(fields, "direction"), manager,
                text(fields, "reasonCode"), text(fields, "externalRef"), text(fields, "originDealId"), occurredAt);
    }

    private static String text(JsonNode fields, String name) {
        JsonNode value = fields.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }
}
