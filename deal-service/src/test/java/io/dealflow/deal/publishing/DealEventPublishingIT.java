package io.dealflow.deal.publishing;

import io.dealflow.api.CloudEventHeaders;
import io.dealflow.api.Topics;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.platform.testing.HttpApi;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.KafkaUnderTest;
import io.dealflow.platform.testing.TestInfrastructure;
import io.dealflow.platform.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dealflow.api.json.DealflowJson.mapper;
import static io.dealflow.platform.testing.DemoDeals.salesDealWithContact;
import static org.assertj.core.api.Assertions.assertThat;

/** The event store is the outbox: every stored event reaches Kafka, in order per deal, even across an outage. */
@DealflowIntegrationTest
class DealEventPublishingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    private HttpApi api;
    private final EventJson json = new EventJson();

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @Test
    void everyDealEventArrivesInOrderWithCloudEventsHeadersAndGapFreeSequences() {
        String dealId = walkFourEvents();

        try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.DEAL_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readKey(dealId, 4, WAIT);

            assertThat(records).hasSize(4);
            assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
            List<PublishedEvent<DealEvent>> events = records.stream().map(r -> json.readDealEvent(r.value())).toList();
            assertThat(events).extracting(PublishedEvent::sequence).containsExactly(0L, 1L, 2L, 3L);
            assertThat(events).extracting(e -> e.event().eventType())
                    .containsExactly("DealOpened", "DealStageChanged", "DealTagged", "DealManagerReassigned");
            assertThat(((DealOpened) events.get(0).event()).title()).isEqualTo(salesDealWithContact().get("title"));
            assertThat(((DealStageChanged) events.get(1).event()).toStageId()).isEqualTo("needs-identified");

            ConsumerRecord<String, byte[]> opened = records.get(0);
            assertThat(header(opened, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(header(opened, CloudEventHeaders.TYPE)).isEqualTo("dealflow.deal.DealOpened.v1");
            assertThat(header(opened, CloudEventHeaders.ID)).isEqualTo(events.get(0).eventId());
            assertThat(header(opened, CloudEventHeaders.SUBJECT)).isEqualTo(dealId);
            assertThat(header(opened, CloudEventHeaders.SOURCE)).isEqualTo("/dealflow/deal-service");
            assertThat(header(opened, CloudEventHeaders.TIME)).isEqualTo(events.get(0).occurredAt().toString());
            assertThat(header(opened, CloudEventHeaders.CAUSATION_ID)).isNotBlank();

            JsonNode flat = mapper().readTree(opened.value());
            for (String common : List.of("type", "eventId", "dealId", "sequence", "occurredAt", "pipelineId",
                    "pipelineVersion", "actor")) {
                assertThat(flat.has(common)).as(common).isTrue();
            }
            assertThat(flat.path("actor").asString()).isEqualTo("it-user");
            // the client that sent the request for the person, beside the actor
            assertThat(flat.path("clientId").asString()).isEqualTo("demo-integration");
            assertThat(events).extracting(PublishedEvent::clientId).containsOnly("demo-integration");
        }
    }

    @Test
    void everyPipelineVersionIsPublishedKeyedByIdAndVersion() {
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(),
                Topics.PIPELINE_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readKey("sales:1", 1, WAIT);
            assertThat(records).isNotEmpty();
            PipelineDefined sales = json.readPipelineDefined(records.get(0).value()).event();
            assertThat(sales.stages()).hasSize(5);
            assertThat(sales.handoffTo()).isEqualTo("contracts");
            assertThat(header(records.get(0), CloudEventHeaders.TYPE)).isEqualTo("dealflow.pipeline.PipelineDefined.v1");
        }
    }

    @Test
    void publishingResumesWithoutLossAfterTheBrokerIsStoppedAndStartedAgain() {
        KafkaUnderTest kafka = TestInfrastructure.kafka();
        String dealId = api.openDeal(salesDealWithContact());
        try (TopicReader reader = new TopicReader(kafka.bootstrapServers(), Topics.DEAL_EVENTS)) {
            assertThat(reader.readKey(dealId, 1, WAIT)).hasSize(1);
        }

        kafka.stop();
        try {
            // the event store is the outbox: commands keep succeeding while the broker is away
            String deal = "/api/v1/deals/" + dealId;
            assertThat(api.post(deal + "/tags", Map.of("add", List.of("during-outage"))).status()).isEqualTo(200);
            assertThat(api.patch(deal + "/fields", Map.of("equipmentCategories", "lathes"), h -> {
            }).status()).isEqualTo(200);
            assertThat(api.post(deal + "/stage", Map.of("stageId", "needs-identified")).status()).isEqualTo(200);
        } finally {
            kafka.start();
        }

        try (TopicReader reader = new TopicReader(kafka.bootstrapServers(), Topics.DEAL_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(r -> dealId.equals(r.key()),
                    found -> distinctSequences(found).size() >= 4, Duration.ofSeconds(120));
            // at-least-once: a send that timed out during the outage may arrive twice; none may be missing,
            // and the first arrival of each event keeps the deal's order
            assertThat(new ArrayList<>(distinctSequences(records))).containsExactly(0L, 1L, 2L, 3L);
        }
    }

    private Set<Long> distinctSequences(List<ConsumerRecord<String, byte[]>> records) {
        Set<Long> sequences = new LinkedHashSet<>();
        records.forEach(record -> sequences.add(json.readDealEvent(record.value()).sequence()));
        return sequences;
    }

    private String walkFourEvents() {
        java.util.Map<String, Object> request = salesDealWithContact();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> fields = (java.util.Map<String, Object>) request.get("fields");
        fields.put("equipmentCategories", "lathes");
        String dealId = api.openDeal(request);
        String deal = "/api/v1/deals/" + dealId;
        assertThat(api.post(deal + "/stage", Map.of("stageId", "needs-identified")).status()).isEqualTo(200);
        assertThat(api.post(deal + "/tags", Map.of("add", List.of("tender"))).status()).isEqualTo(200);
        assertThat(api.post(deal + "/manager", Map.of("managerId", "taras")).status()).isEqualTo(200);
        return dealId;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
