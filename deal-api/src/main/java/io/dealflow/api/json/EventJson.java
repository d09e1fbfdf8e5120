package io.dealflow.api.json;

import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.task.TaskEvent;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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
        Envelope envelope = envelope(json);
        return new PublishedEvent<>(envelope.eventId, envelope.sequence, envelope.occurredAt(),
                mapper.readValue(json, DealEvent.class), envelope.clientId, envelope.imported, envelope.importEnd);
    }

    public byte[] writeTaskEvent(PublishedEvent<? extends TaskEvent> published) {
        return write(published.event().eventType(), published, mapper.valueToTree(published.event()));
    }

    public PublishedEvent<TaskEvent> readTaskEvent(byte[] json) {
        Envelope envelope = envelope(json);
        return new PublishedEvent<>(envelope.eventId, envelope.sequence, envelope.occurredAt(),
                mapper.readValue(json, TaskEvent.class), envelope.clientId);
    }

    public byte[] writePipelineDefined(PublishedEvent<PipelineDefined> published) {
        return write(PIPELINE_DEFINED, published, mapper.valueToTree(published.event()));
    }

    public PublishedEvent<PipelineDefined> readPipelineDefined(byte[] json) {
        Envelope envelope = envelope(json);
        if (!PIPELINE_DEFINED.equals(envelope.type)) {
            throw new IllegalArgumentException("Not a PipelineDefined event: type=" + envelope.type);
        }
        return new PublishedEvent<>(envelope.eventId, envelope.sequence, envelope.occurredAt(),
                mapper.readValue(json, PipelineDefined.class), envelope.clientId);
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

    /**
     * The envelope's fields, read by streaming over the object's top level and skipping everything else; the record
     * is then bound straight from the bytes (its type id is the first property, so Jackson needs no buffering). Why
     * not one tree for both: building the tree and binding from it was two thirds of what a consumer spent on JSON
     * (JFR of analytics-service, 2026-12-03).
     */
    private Envelope envelope(byte[] json) {
        Envelope envelope = new Envelope();
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("An event is a JSON object; got " + parser.currentToken());
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case TYPE -> envelope.type = parser.getValueAsString("");
                    case EVENT_ID -> envelope.eventId = parser.getValueAsString("");
                    case SEQUENCE -> envelope.sequence = parser.getValueAsLong(0);
                    case OCCURRED_AT -> envelope.occurredAt = parser.getValueAsString("");
                    case CLIENT_ID -> envelope.clientId = value == JsonToken.VALUE_NULL ? null
                            : parser.getValueAsString();
                    case IMPORTED -> envelope.imported = parser.getValueAsBoolean(false);
                    case IMPORT_END -> envelope.importEnd = parser.getValueAsBoolean(false);
                    default -> parser.skipChildren();
                }
            }
        }
        return envelope;
    }

    /** What {@link #envelope} read; absent fields read as the tree's {@code path(...)} did (empty, 0, false). */
    private static final class Envelope {
        private String type = "";
        private String eventId = "";
        private long sequence;
        private String occurredAt = "";
        private String clientId;
        private boolean imported;
        private boolean importEnd;

        Instant occurredAt() {
            return IsoInstants.parse(occurredAt);
        }
    }
}
