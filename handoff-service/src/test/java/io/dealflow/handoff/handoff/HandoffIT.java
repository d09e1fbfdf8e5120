package io.dealflow.handoff.handoff;

import io.dealflow.api.ProblemTypes;
import io.dealflow.api.Topics;
import io.dealflow.api.deal.ImportedDealIds;
import io.dealflow.platform.testing.ApiResponse;
import io.dealflow.platform.testing.ConsumerGroups;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.DemoClient;
import io.dealflow.platform.testing.DemoDeals;
import io.dealflow.platform.testing.HistoryCsv;
import io.dealflow.platform.testing.HttpApi;
import io.dealflow.platform.testing.Imports;
import io.dealflow.platform.testing.TcpProxy;
import io.dealflow.platform.testing.TestInfrastructure;
import io.dealflow.platform.testing.TestServices;
import io.dealflow.platform.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.dealflow.platform.testing.DemoDeals.salesDealWithContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R7 with the real deal-service (a child process) behind a TCP hop the test can cut, real Kafka and PostgreSQL:
 * a won deal continues in the next department's pipeline, exactly once, whatever fails on the way.
 */
@DealflowIntegrationTest
class HandoffIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static TcpProxy toDealService;

    @DynamicPropertySource
    static void dealService(DynamicPropertyRegistry registry) {
        toDealService = new TcpProxy("127.0.0.1", TestServices.dealService().port());
        registry.add("dealflow.deal-service.url", toDealService::url);
    }

    @AfterAll
    static void closeProxy() {
        toDealService.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    HandoffStore store;
    @Autowired
    JdbcClient jdbc;

    private HttpApi handoffs;
    private HttpApi deals;

    @BeforeEach
    void setUp() {
        handoffs = new HttpApi(port).as(DemoClient.DEALFLOW_ADMIN);
        deals = new HttpApi(TestServices.dealService().baseUrl());
        toDealService.restore();
    }

    @Test
    void aWonSalesDealContinuesInContractsWithEveryFieldAndTheOriginLink() {
        String title = "Верстат " + UUID.randomUUID();
        String source = winSalesDeal(title, "olena");

        JsonNode handoff = awaitStatus(source, "DONE");
        assertThat(handoff.path("toPipelineId").asString()).isEqualTo("contracts");
        String target = handoff.path("targetDealId").asString();
        JsonNode sourceDeal = deals.get("/api/v1/deals/" + source).body();
        JsonNode targetDeal = deals.get("/api/v1/deals/" + target).body();

        assertThat(targetDeal.path("pipelineId").asString()).isEqualTo("contracts");
        assertThat(targetDeal.path("stageId").asString()).isEqualTo("standard-contract-sent");
        assertThat(targetDeal.path("title").asString()).isEqualTo(title);
        assertThat(targetDeal.path("fields")).isEqualTo(sourceDeal.path("fields"));
        assertThat(targetDeal.path("tags")).isEqualTo(sourceDeal.path("tags"));
        assertThat(targetDeal.path("attachments")).isEqualTo(sourceDeal.path("attachments"));
        assertThat(targetDeal.path("externalRef")).isEqualTo(sourceDeal.path("externalRef"));
        assertThat(targetDeal.path("originDealId").asString()).isEqualTo(source);
        assertThat(targetDeal.path("managerId").asString()).isIn("lawyer-anna", "lawyer-bohdan");
        assertThat(handoff.path("receiverId").asString()).isEqualTo(targetDeal.path("managerId").asString());
        JsonNode opened = deals.get("/api/v1/deals/" + target + "/history").body().get(0);
        // opened by handoff-service with its own client-credentials token: it is both the actor and the client
        assertThat(opened.path("actor").asString()).isEqualTo("handoff-service");
        assertThat(opened.path("clientId").asString()).isEqualTo("handoff-service");
        assertThat(opened.path("data").path("originManagerId").asString())
                .as("the originating manager keeps the credit").isEqualTo("olena");
    }

    /** DESIGN §7: a deal won in another CRM, years ago, was handed over there; importing it hands nothing off. */
    @Test
    void anImportedWonDealInARoutedPipelineHandsNothingOff() {
        String ref = "it-imported-won-" + UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofDays(200)).truncatedTo(ChronoUnit.SECONDS);
        HistoryCsv csv = new HistoryCsv();
        csv.salesOpened(ref, longAgo, "olena");
        Instant sent = csv.salesWalk(ref, longAgo, 86_400, "proposal-sent");
        csv.won(ref, sent.plusSeconds(3600));
        JsonNode answer = Imports.run(deals, "sales", csv.toString(), false).path("answer");
        assertThat(answer.path("imported").asLong()).as(answer.toString()).isEqualTo(1);
        String source = ImportedDealIds.of("sales", ref);

        ConsumerRecord<String, byte[]> won;
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.DEAL_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(r -> source.equals(r.key()),
                    found -> !found.isEmpty()
                            && new String(found.get(found.size() - 1).value()).contains("\"DealWon\""), WAIT);
            won = records.get(records.size() - 1);
        }
        awaitConsumedPast(won.topic(), won.partition(), won.offset());

        assertThat(handoffs.get("/api/v1/handoffs/" + source).status()).isEqualTo(404);
        assertThat(contractsDealsTitled(deals.get("/api/v1/deals/" + source).body().path("title").asString()))
                .isEmpty();
    }

    @Test
    void theSameDealWonDeliveredTwiceCreatesOneDeal() throws Exception {
        String title = "Twice " + UUID.randomUUID();
        String source = winSalesDeal(title, "taras");
        JsonNode first = awaitStatus(source, "DONE");

        ConsumerRecord<String, byte[]> won;
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.DEAL_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(r -> source.equals(r.key()),
                    found -> !found.isEmpty() && found.get(found.size() - 1).value().length > 0
                            && new String(found.get(found.size() - 1).value()).contains("\"DealWon\""), WAIT);
            won = records.get(records.size() - 1);
        }
        RecordMetadata redelivered = produce(won);
        awaitConsumedPast(redelivered);

        JsonNode after = handoffs.get("/api/v1/handoffs/" + source).body();
        assertThat(after.path("targetDealId").asString()).isEqualTo(first.path("targetDealId").asString());
        assertThat(after.path("attempts").asInt()).isEqualTo(1);
        assertThat(contractsDealsTitled(title)).hasSize(1);
    }

    @Test
    void whileDealServiceIsUnreachableTheHandoffIsRetriedThenOpensOneDeal() {
        toDealService.cut();
        String title = "Outage " + UUID.randomUUID();
        String source = winSalesDeal(title, "olena");

        JsonNode failed = awaitStatus(source, "FAILED");
        assertThat(failed.path("problem").path("type").asString()).isEqualTo("deal-service-unreachable");
        assertThat(failed.path("nextAttemptAt").isMissingNode()).as("a retry is scheduled").isFalse();
        assertThat(handoffs.get("/api/v1/handoffs?status=FAILED").body().toString()).contains(source);

        toDealService.restore();
        JsonNode done = awaitStatus(source, "DONE");
        assertThat(done.path("attempts").asInt()).isGreaterThan(1);
        assertThat(contractsDealsTitled(title)).hasSize(1);
    }

    @Test
    void aTargetRefusalIsKeptAsFailedAndOnceFixedTheRetryOpensOneDeal() {
        String target = "it-accounts-" + UUID.randomUUID().toString().substring(0, 8);
        HttpApi admin = deals.as(DemoClient.DEALFLOW_ADMIN);
        String dealId = winDealRoutedTo(target, "it-accounts", List.of("accountNumber"));

        JsonNode failed = awaitStatus(dealId, "FAILED");
        assertThat(failed.path("problem").path("status").asInt()).isEqualTo(422);
        assertThat(failed.path("problem").path("type").asString()).endsWith("required-fields-missing");
        assertThat(failed.path("nextAttemptAt").isMissingNode()).as("a refusal is not retried by itself").isTrue();
        assertThat(failed.path("receiverId").asString()).isEqualTo("accountant-1");
        assertThat(handoffs.post("/api/v1/handoffs/" + dealId + "/retry", null).status()).isEqualTo(202);
        // FAILED is what it already was: only a further attempt shows the retry was tried and refused again
        JsonNode refusedAgain = await().atMost(WAIT).ignoreExceptions().until(
                () -> handoffs.get("/api/v1/handoffs/" + dealId).body(),
                handoff -> handoff.path("attempts").asInt() > failed.path("attempts").asInt()
                        && "FAILED".equals(handoff.path("status").asString()));
        assertThat(refusedAgain.path("problem").path("type").asString()).endsWith("required-fields-missing");

        assertThat(admin.put("/api/v1/pipelines/" + target, pipeline("Target", "it-accounts", null, List.of()))
                .body().path("version").asInt()).isEqualTo(2);
        assertThat(handoffs.post("/api/v1/handoffs/" + dealId + "/retry", null).status()).isEqualTo(202);
        JsonNode done = awaitStatus(dealId, "DONE");
        assertThat(done.path("targetDealId").asString()).isEqualTo(Handoff.derivedDealId(dealId, target));
        JsonNode opened = deals.get("/api/v1/deals/" + done.path("targetDealId").asString()).body();
        assertThat(deals.get("/api/v1/deals/" + done.path("targetDealId").asString() + "/history").body()
                .findValuesAsString("type")).containsOnlyOnce("DealOpened");
        assertThat(opened.path("pipelineId").asString()).isEqualTo(target);
        assertThat(opened.path("originDealId").asString()).isEqualTo(dealId);
        assertThat(handoffs.post("/api/v1/handoffs/" + dealId + "/retry", null).status())
                .as("a done handoff is not retried").isEqualTo(422);
        assertThat(handoffs.get("/api/v1/handoffs/no-such-deal").status()).isEqualTo(404);
    }

    @Test
    void aHandoffWhoseFirstAnswerIsLostOpensOneDeal() {
        int lostBefore = toDealService.answersLost();
        toDealService.loseAnswers(1);
        String title = "Lost answer " + UUID.randomUUID();
        String source = winSalesDeal(title, "olena");

        JsonNode done = awaitStatus(source, "DONE");

        assertThat(toDealService.answersLost()).as("deal-service's first answer was lost").isEqualTo(lostBefore + 1);
        String target = done.path("targetDealId").asString();
        assertThat(target).isEqualTo(Handoff.derivedDealId(source, "contracts"));
        assertThat(contractsDealsTitled(title)).hasSize(1);
        JsonNode history = deals.get("/api/v1/deals/" + target + "/history").body();
        assertThat(history.findValuesAsString("type")).containsOnlyOnce("DealOpened");
        assertThat(deals.get("/api/v1/deals/" + target).body().path("attachments"))
                .isEqualTo(deals.get("/api/v1/deals/" + source).body().path("attachments"));
    }

    @Test
    void aLeasedHandoffIsLeftToItsClaimantAndAnExpiredLeaseIsClaimedAgain() {
        Instant now = Instant.now();
        String leased = insertContractsHandoff(now.minus(Duration.ofHours(2)));
        String abandoned = insertContractsHandoff(now.minus(Duration.ofHours(1)));
        lease(leased, "live-instance", now.plus(Duration.ofHours(1)));
        lease(abandoned, "dead-instance", now.minus(Duration.ofMinutes(1)));

        awaitStatus(abandoned, "DONE");

        // the executor takes the earliest due first: it passed the leased one over to reach the abandoned one
        JsonNode untouched = handoffs.get("/api/v1/handoffs/" + leased).body();
        assertThat(untouched.path("status").asString()).isEqualTo("PENDING");
        assertThat(untouched.path("attempts").asInt()).isZero();
        assertThat(jdbc.sql("SELECT claimed_by FROM handoffs WHERE source_deal_id = :id").param("id", leased)
                .query(String.class).single()).isEqualTo("live-instance");

        lease(leased, "live-instance", now.minus(Duration.ofSeconds(1)));
        JsonNode done = awaitStatus(leased, "DONE");
        assertThat(done.path("targetDealId").asString()).isEqualTo(Handoff.derivedDealId(leased, "contracts"));
        assertThat(jdbc.sql("SELECT count(*) FROM handoffs WHERE source_deal_id IN (:ids) AND claimed_by IS NULL")
                .param("ids", List.of(leased, abandoned)).query(Long.class).single())
                .as("a recorded outcome ends the lease").isEqualTo(2);
    }

    @Test
    void aHandoffWithNobodyToReceiveItGetsAReceiverWhenRetriedOnceTheRouteNamesSomeone() {
        String target = "it-desk-" + UUID.randomUUID().toString().substring(0, 8);
        HttpApi admin = deals.as(DemoClient.DEALFLOW_ADMIN);
        String dealId = winDealRoutedTo(target, "it-nobody", List.of());

        JsonNode failed = awaitStatus(dealId, "FAILED");
        assertThat(failed.path("problem").path("type").asString()).isEqualTo(ProblemTypes.NO_RECEIVER);
        ApiResponse stillNobody = handoffs.post("/api/v1/handoffs/" + dealId + "/retry", null);
        assertThat(stillNobody.status()).isEqualTo(422);
        assertThat(stillNobody.problemType()).isEqualTo(ProblemTypes.NO_RECEIVER);

        assertThat(admin.put("/api/v1/pipelines/" + target, pipeline("Target", "it-accounts", null, List.of()))
                .status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> handoffs.post("/api/v1/handoffs/" + dealId + "/retry", null).status(),
                status -> status == 202);
        JsonNode done = awaitStatus(dealId, "DONE");
        assertThat(done.path("receiverId").asString()).isEqualTo("accountant-1");
        assertThat(deals.get("/api/v1/deals/" + done.path("targetDealId").asString()).body().path("managerId")
                .asString()).isEqualTo("accountant-1");
    }

    /**
     * A one-stage pipeline of department it-leads handing off to a new one-stage {@code target} of
     * {@code targetDepartment}, and a deal won in it.
     */
    private String winDealRoutedTo(String target, String targetDepartment, List<String> targetFields) {
        String source = target + "-from";
        HttpApi admin = deals.as(DemoClient.DEALFLOW_ADMIN);
        assertThat(admin.put("/api/v1/pipelines/" + target, pipeline("Target", targetDepartment, null, targetFields))
                .status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/pipelines/" + source, pipeline("Leads", "it-leads", target, List.of()))
                .status()).isEqualTo(201);
        String dealId = deals.openDeal(new java.util.HashMap<>(Map.of("pipelineId", source, "title",
                "Lead " + target, "managerId", "olena", "fields", Map.of("contactName", "Ірина"))));
        assertThat(deals.post("/api/v1/deals/" + dealId + "/won", null).status()).isEqualTo(200);
        return dealId;
    }

    private String insertContractsHandoff(Instant due) {
        String source = UUID.randomUUID().toString();
        HandoffRequest request = new HandoffRequest(new HandoffRequest.OpenDeal("contracts", "Leased " + source,
                "lawyer-anna", Map.of("equipment", "CNC lathe", "amount", "1", "installationAddress", "Київ"),
                List.of(), null, source, "olena"), List.of());
        store.insert(new Handoff(source, "sales", "contracts", "lawyer-anna", request, HandoffStatus.PENDING, null,
                0, 0, null, due, due, due, null));
        return source;
    }

    private void lease(String sourceDealId, String claimant, Instant until) {
        jdbc.sql("UPDATE handoffs SET claimed_by = :claimant, lease_until = :until WHERE source_deal_id = :id")
                .param("id", sourceDealId).param("claimant", claimant).param("until", Timestamp.from(until))
                .update();
    }

    private String winSalesDeal(String title, String manager) {
        Map<String, Object> request = salesDealWithContact();
        request.put("title", title);
        request.put("managerId", manager);
        return DemoDeals.winSalesDeal(deals, request);
    }

    private JsonNode awaitStatus(String sourceDealId, String status) {
        return await().atMost(WAIT).ignoreExceptions().until(
                () -> handoffs.get("/api/v1/handoffs/" + sourceDealId).body(),
                handoff -> status.equals(handoff.path("status").asString()));
    }

    private List<JsonNode> contractsDealsTitled(String title) {
        List<JsonNode> found = new ArrayList<>();
        deals.get("/api/v1/deals?pipelineId=contracts&size=200").body().path("items").forEach(deal -> {
            if (deal.path("title").asString().equals(title)) {
                found.add(deal);
            }
        });
        return found;
    }

    private RecordMetadata produce(ConsumerRecord<String, byte[]> record) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.DEAL_EVENTS, record.key(), record.value())).get();
        }
    }

    /** The consumer group committed past the record: it has been consumed (and its transaction committed). */
    private void awaitConsumedPast(RecordMetadata record) {
        awaitConsumedPast(record.topic(), record.partition(), record.offset());
    }

    private void awaitConsumedPast(String topic, int partition, long offset) {
        ConsumerGroups.awaitConsumedPast(listeners.getListenerContainer("handoff-service-deals").getGroupId(), topic,
                partition, offset, WAIT);
    }

    private static Map<String, Object> pipeline(String name, String department, String handoffTo,
                                                List<String> firstStageFields) {
        Map<String, Object> definition = new java.util.HashMap<>(Map.of("name", name, "department", department,
                "skipMode", "STRICT", "backwardMode", "FORBIDDEN",
                "stages", List.of(Map.of("id", "first", "name", "First", "requiredFields", firstStageFields,
                        "sla", "P1D", "task", Map.of("title", "Call", "dueIn", "PT4H"))),
                "lossReasons", List.of(Map.of("code", "other", "label", "Other"))));
        if (handoffTo != null) {
            definition.put("handoffTo", handoffTo);
        }
        return definition;
    }
}
