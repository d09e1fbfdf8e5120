package io.dealflow.api.json;

import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.task.TaskEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** Writes and reads the flat Kafka JSON of deal, task and pipeline events (DESIGN §3). */
public final class EventJson {

    private static final String TYPE = "type";
    private static final String EVENT_ID = "eventId";
    private static final String SEQUENCE = "sequence";
    private static final String OCCURRED_AT = "occurredAt";
    private static final String ACTOR = "actor";
    /** Optional: absent from events no client caused and from every event written before clients were recorded. */
    private static final String CLIENT_ID = "clientId";
    /** Optional: {@code true} on events of an imported history (DESIGN §7); absent on live events. */
    private static final String IMPORTED = "imported";
    /** Optional: {@code true} on the last event of a deal's imported history; absent on every other event. */
    private static final String IMPORT_END = "importEnd";
    public static final String PIPELINE_DEFINED = "PipelineDefined";

    private final JsonMapper mapper;

    public EventJson() {
        this(DealflowJson.mapper());
    }

    public EventJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] writeDealEvent(PublishedEvent<? extends DealEvent> published) {
        return write(published.event().eventType(), published, mapper.valueToTree(published.event()));
    }

    public PublishedEvent<DealEvent> readDealEvent(byte[] json) {
        JsonNode node = mapper.readTree(json);
        return new PublishedEvent<>(node.path(EVENT_ID).asString(), node.path(SEQUENCE).asLong(),
                IsoInstants.parse(node.path(OCCURRED_AT).asString()), mapper.treeToValue(node, DealEvent.class),
                clientIdOf(node), node.path(IMPORTED).asBoolean(false), node.path(IMPORT_END).asBoolean(false));
    }

    public byte[] writeTaskEvent(PublishedEvent<? extends TaskEvent> published) {
        return write(published.event().eventType(), published, mapper.valueToTree(published.event()));
    }

    public PublishedEvent<TaskEvent> readTaskEvent(byte[] json) {
        JsonNode node = mapper.readTree(json);
        return new PublishedEvent<>(node.path(EVENT_ID).asString(), node.path(SEQUENCE).asLong(),
                IsoInstants.parse(node.path(OCCURRED_AT).asString()), mapper.treeToValue(node, TaskEvent.class),
                clientIdOf(node));
    }

    public byte[] writePipelineDefined(PublishedEvent<PipelineDefined> published) {
        return write(PIPELINE_DEFINED, published, mapper.valueToTree(published.event()));
    }

    public PublishedEvent<PipelineDefined> readPipelineDefined(byte[] json) {
        JsonNode node = mapper.readTree(json);
        String type = node.path(TYPE).asString();
        if (!PIPELINE_DEFINED.equals(type)) {
            throw new IllegalArgumentException("Not a PipelineDefined event: type=" + type);
        }
        return new PublishedEvent<>(node.path(EVENT_ID).asString(), node.path(SEQUENCE).asLong(),
                IsoInstants.parse(node.path(OCCURRED_AT).asString()), mapper.treeToValue(node, PipelineDefined.class),
                clientIdOf(node));
    }

    /**
     * The envelope first, then the record's fields, so a human reading the topic sees what and when at once; the
     * client stands beside the actor (every event record has one), so who acted and through what read together.
     */
    private byte[] write(String type, PublishedEvent<?> published, JsonNode eventFields) {
        ObjectNode flat = mapper.createObjectNode();
        flat.put(TYPE, type);
        flat.put(EVENT_ID, published.eventId());
        flat.put(SEQUENCE, published.sequence());
        flat.put(OCCURRED_AT, published.occurredAt().toString());
        if (published.imported()) {
            flat.put(IMPORTED, true);
        }
        if (published.importEnd()) {
            flat.put(IMPORT_END, true);
        }
        eventFields.properties().forEach(field -> {
            if (!TYPE.equals(field.getKey())) {
                flat.set(field.getKey(), field.getValue());
            }
            if (ACTOR.equals(field.getKey()) && published.clientId() != null) {
                flat.put(CLIENT_ID, published.clientId());
            }
        });
        return mapper.writeValueAsBytes(flat);
    }

    private static String clientIdOf(JsonNode node) {
        JsonNode clientId = node.get(CLIENT_ID);
        return clientId == null || clientId.isNull() ? null : clientId.asString();
    }
}
