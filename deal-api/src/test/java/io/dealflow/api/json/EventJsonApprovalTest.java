package io.dealflow.api.json;

import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.task.TaskEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Pins the Kafka JSON of every published event type to an approved sample in src/test/resources/approved, so a
 * renamed or retyped field cannot silently break a consumer. A changed shape is a new {@code .vN} event type; an
 * optional field (such as {@code clientId}) may be added deliberately, and JSON without it must still read.
 * When a sample is missing or differs, the actual JSON is written to target/approval/ for review.
 */
class EventJsonApprovalTest {

    private final EventJson json = new EventJson();

    static List<DealEvent> dealEvents() {
        return SampleEvents.dealEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dealEvents")
    void everyDealEventTypeKeepsItsApprovedJson(DealEvent event) throws IOException {
        byte[] written = json.writeDealEvent(new PublishedEvent<>("evt-" + event.eventType(), 7, SampleEvents.AT,
                event, SampleEvents.CLIENT));
        assertApproved(event.eventType(), written);

        PublishedEvent<DealEvent> read = json.readDealEvent(written);
        assertThat(read.event()).isEqualTo(event);
        assertThat(read.sequence()).isEqualTo(7);
        assertThat(read.occurredAt()).isEqualTo(SampleEvents.AT);
        assertThat(read.clientId()).isEqualTo(SampleEvents.CLIENT);
        assertThat(read.imported()).isFalse();
    }

    /**
     * An imported history's events (DESIGN §7) carry {@code "imported": true} beside the envelope; one approved sample
     * per type pins where it stands, and the live samples above pin that a live event has no such field.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dealEvents")
    void everyImportedDealEventTypeKeepsItsApprovedJson(DealEvent event) throws IOException {
        byte[] written = json.writeDealEvent(new PublishedEvent<>("evt-" + event.eventType(), 7, SampleEvents.AT,
                event, SampleEvents.CLIENT, true));
        assertApproved("imported/" + event.eventType(), written);
        assertThat(json.readDealEvent(written).imported()).isTrue();
        assertThat(json.readDealEvent(written).event()).isEqualTo(event);
    }

    /**
     * The last event of an imported history carries {@code "importEnd": true} after {@code "imported"}; every other
     * event (the imported samples above, the live ones) has no such field and reads as not ending a history.
     */
    @Test
    void theLastEventOfAnImportedHistoryKeepsItsApprovedJson() throws IOException {
        DealEvent won = SampleEvents.dealEvents().stream()
                .filter(event -> event.eventType().equals("DealWon")).findFirst().orElseThrow();
        byte[] written = json.writeDealEvent(new PublishedEvent<>("evt-DealWon", 7, SampleEvents.AT, won,
                SampleEvents.CLIENT, true, true));
        assertApproved("imported/end/DealWon", written);
        PublishedEvent<DealEvent> read = json.readDealEvent(written);
        assertThat(read.imported()).isTrue();
        assertThat(read.importEnd()).isTrue();
        assertThat(json.readDealEvent(approved("imported/DealWon")).importEnd()).isFalse();
        assertThat(json.readDealEvent(approved("DealWon")).importEnd()).isFalse();
    }

    @Test
    void onlyAnImportedEventEndsAnImportedHistory() {
        DealEvent event = SampleEvents.dealEvents().get(0);
        assertThatThrownBy(() -> new PublishedEvent<>("evt-1", 0, SampleEvents.AT, event, null, false, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A consumer built before the flag existed binds only the record, which never had the field. */
    @Test
    void aConsumerThatPredatesTheImportedFlagStillReadsAnImportedEvent() throws IOException {
        DealEvent read = DealflowJson.mapper().readValue(approved("imported/DealWon"), DealEvent.class);
        assertThat(read).isEqualTo(json.readDealEvent(approved("DealWon")).event());
    }

    static List<TaskEvent> taskEvents() {
        return SampleEvents.taskEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taskEvents")
    void everyTaskEventTypeKeepsItsApprovedJson(TaskEvent event) throws IOException {
        byte[] written = json.writeTaskEvent(new PublishedEvent<>("evt-" + event.eventType(), 3, SampleEvents.AT,
                event, SampleEvents.CLIENT));
        assertApproved(event.eventType(), written);
        assertThat(json.readTaskEvent(written).event()).isEqualTo(event);
        assertThat(json.readTaskEvent(written).clientId()).isEqualTo(SampleEvents.CLIENT);
    }

    /**
     * The parameterised tests above pin only the types that have a sample: a new permitted event type without one
     * would be published unpinned, so every type the sealed interfaces permit must appear among the samples.
     */
    @Test
    void everyPermittedEventTypeHasASample() {
        assertThat(sampledTypes(SampleEvents.dealEvents()))
                .containsExactlyInAnyOrder(DealEvent.class.getPermittedSubclasses());
        assertThat(sampledTypes(SampleEvents.taskEvents()))
                .containsExactlyInAnyOrder(TaskEvent.class.getPermittedSubclasses());
    }

    private static List<Class<?>> sampledTypes(List<?> samples) {
        return samples.stream().<Class<?>>map(Object::getClass).distinct().toList();
    }

    @Test
    void pipelineDefinedKeepsItsApprovedJson() throws IOException {
        PipelineDefined event = SampleEvents.pipelineDefined();
        byte[] written = json.writePipelineDefined(new PublishedEvent<>("evt-PipelineDefined", 1, SampleEvents.AT,
                event, SampleEvents.CLIENT));
        assertApproved("PipelineDefined", written);
        assertThat(json.readPipelineDefined(written).event()).isEqualTo(event);
    }

    @Test
    void aConsumerIgnoresFieldsAddedLaterToTheSameVersion() throws IOException {
        byte[] approved = approved("DealWon");
        String withExtra = new String(approved, StandardCharsets.UTF_8).replaceFirst("\\{", "{\"addedLater\":1,");
        assertThat(json.readDealEvent(withExtra.getBytes(StandardCharsets.UTF_8)).event())
                .isEqualTo(json.readDealEvent(approved).event());
    }

    /** The envelope is the object's top level: a field added later that nests the same names changes nothing. */
    @Test
    void anAddedObjectWithTheEnvelopesNamesLeavesTheEnvelopeAlone() throws IOException {
        byte[] approved = approved("DealWon");
        String withExtra = new String(approved, StandardCharsets.UTF_8).replaceFirst("\\{", "{\"addedLater\":"
                + "{\"eventId\":\"other\",\"sequence\":99,\"occurredAt\":\"2000-01-01T00:00:00Z\",\"imported\":true,"
                + "\"list\":[{\"sequence\":98}]},");
        PublishedEvent<DealEvent> expected = json.readDealEvent(approved);
        assertThat(json.readDealEvent(withExtra.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
        assertThat(expected.eventId()).isNotBlank().isNotEqualTo("other");
        assertThat(expected.sequence()).isEqualTo(7);
    }

    /** {@code clientId} came later and is optional: JSON written before it reads as it always did, with no client. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dealEvents")
    void anEventWrittenBeforeClientsWereRecordedReadsWithoutAClient(DealEvent event) throws IOException {
        String withClient = new String(approved(event.eventType()), StandardCharsets.UTF_8);
        String before = withClient.replaceFirst("\\s*\"clientId\"\\s*:\\s*\"[^\"]*\"\\s*,", "");
        assertThat(before).doesNotContain("clientId");

        PublishedEvent<DealEvent> read = json.readDealEvent(before.getBytes(StandardCharsets.UTF_8));
        assertThat(read.event()).isEqualTo(event);
        assertThat(read.clientId()).isNull();
    }

    /** A consumer built before clientId existed binds only the record, which never had the field. */
    @Test
    void aConsumerThatPredatesClientIdStillReadsTheEvent() throws IOException {
        DealEvent read = DealflowJson.mapper().readValue(approved("DealWon"), DealEvent.class);
        assertThat(read).isEqualTo(SampleEvents.dealEvents().stream()
                .filter(event -> event.eventType().equals("DealWon")).findFirst().orElseThrow());
    }

    @Test
    void anEventNoClientCausedHasNoClientIdField() {
        DealEvent event = SampleEvents.dealEvents().get(0);
        byte[] written = json.writeDealEvent(new PublishedEvent<>("evt-1", 0, SampleEvents.AT, event));
        assertThat(DealflowJson.mapper().readTree(written).has("clientId")).isFalse();
    }

    private void assertApproved(String type, byte[] actual) throws IOException {
        JsonNode actualTree = DealflowJson.mapper().readTree(actual);
        Path received = Path.of("target", "approval", type + ".json");
        byte[] approved = approved(type);
        if (approved == null || !DealflowJson.mapper().readTree(approved).equals(actualTree)) {
            Files.createDirectories(received.getParent());
            Files.writeString(received, DealflowJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(actualTree));
            fail("The JSON of " + type + " differs from approved/" + type + ".json; see " + received.toAbsolutePath()
                    + ". A changed shape is a new .vN event type; only an optional field may be added to one,"
                    + " deliberately, by updating its sample.");
        }
    }

    private static byte[] approved(String type) throws IOException {
        try (InputStream in = EventJsonApprovalTest.class.getResourceAsStream("/approved/" + type + ".json")) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
