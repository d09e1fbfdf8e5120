package io.dealflow.task.followup;

import io.dealflow.api.ProblemTypes;
import io.dealflow.api.Topics;
import io.dealflow.api.deal.ImportedDealIds;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.task.TaskEvent;
import io.dealflow.platform.testing.ApiResponse;
import io.dealflow.platform.testing.ConsumerGroups;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.DemoClient;
import io.dealflow.platform.testing.HistoryCsv;
import io.dealflow.platform.testing.Imports;
import io.dealflow.platform.testing.HttpApi;
import io.dealflow.platform.testing.MutableClock;
import io.dealflow.platform.testing.TestInfrastructure;
import io.dealflow.platform.testing.TestServices;
import io.dealflow.platform.testing.TopicReader;
import io.dealflow.task.overdue.OverdueScanner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.http.HttpHeaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import static io.dealflow.platform.testing.DemoDeals.salesDealWithContact;
import static io.dealflow.platform.testing.DemoDeals.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * task-service driven by the real deal-service (a child process) through real Kafka, against real PostgreSQL:
 * R4 (no deal without an open task) and R5 (no overdue task left unseen).
 */
@DealflowIntegrationTest
@Import(TaskFollowUpIT.Clocks.class)
class TaskFollowUpIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void dealService(DynamicPropertyRegistry registry) {
        TestServices.callDealService(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    OverdueScanner scanner;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private HttpApi tasks;
    private HttpApi deals;

    @BeforeEach
    void setUp() {
        tasks = new HttpApi(port);
        deals = new HttpApi(TestServices.dealService().baseUrl());
        clock.set(Instant.now());
    }

    @Test
    void enteringAStageOpensItsFollowUpTaskAndSupersedesThePreviousOne() {
        String dealId = deals.openDeal(withManager(salesDealWithContact(), "olena"));
        JsonNode first = awaitOpenTasks(dealId, 1).get(0);
        assertThat(first.path("title").asString()).isEqualTo("Record contact");
        assertThat(first.path("kind").asString()).isEqualTo("STAGE");
        assertThat(first.path("assigneeId").asString()).isEqualTo("olena");
        Instant openedAt = Instant.parse(deals.get("/api/v1/deals/" + dealId).body().path("openedAt").asString());
        assertThat(Instant.parse(first.path("dueAt").asString())).isEqualTo(openedAt.plus(Duration.ofHours(4)));

        moveToNeedsIdentified(dealId);

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            JsonNode all = tasks.get("/api/v1/tasks?dealId=" + dealId).body().path("items");
            assertThat(all).hasSize(2);
            assertThat(find(all, "Record contact").path("status").asString()).isEqualTo("CANCELLED");
            assertThat(find(all, "Record contact").path("cancelCause").asString()).isEqualTo("SUPERSEDED");
            assertThat(find(all, "Request finance check").path("status").asString()).isEqualTo("OPEN");
            assertThat(find(all, "Request finance check").path("stageId").asString()).isEqualTo("needs-identified");
        });
        ApiResponse withoutTasks = tasks.as(DemoClient.SALES_HEAD).get("/api/v1/reports/deals-without-tasks");
        assertThat(withoutTasks.status()).isEqualTo(200);
        assertThat(withoutTasks.body().toString()).doesNotContain(dealId);
    }

    /**
     * DESIGN §7: an imported deal's stages were entered long ago; its live duties start at the import. Nothing is
     * overdue at once, so nothing is escalated or closed as stale.
     */
    @Test
    void anOpenImportedDealHasOneOpenTaskDueFromTheImportAndAClosedOneHasNone() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String open = "it-open-" + run;
        String won = "it-won-" + run;
        Instant longAgo = Instant.now().minus(Duration.ofDays(300)).truncatedTo(ChronoUnit.SECONDS);
        HistoryCsv csv = new HistoryCsv();
        csv.salesOpened(open, longAgo, "olena");
        csv.salesWalk(open, longAgo, 86_400, "proposal");
        csv.salesOpened(won, longAgo, "olena");
        Instant sent = csv.salesWalk(won, longAgo, 86_400, "proposal-sent");
        csv.won(won, sent.plusSeconds(3600));
        // as PostgreSQL keeps it: a due time computed from this very microsecond must not look earlier
        Instant importedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);

        JsonNode answer = Imports.run(deals, "sales", csv.toString(), false).path("answer");
        assertThat(answer.path("imported").asLong()).as(answer.toString()).isEqualTo(2);

        String openId = ImportedDealIds.of("sales", open);
        JsonNode task = await().atMost(WAIT).ignoreExceptions().until(
                () -> tasks.get("/api/v1/tasks?dealId=" + openId + "&status=OPEN").body().path("items"),
                items -> items.size() == 1 && items.get(0).path("stageId").asString().equals("proposal")).get(0);
        assertThat(task.path("title").asString()).isEqualTo("Prepare three options");
        assertThat(Instant.parse(task.path("dueAt").asString()))
                .isAfterOrEqualTo(importedAt.plus(Duration.ofDays(2)));
        String wonId = ImportedDealIds.of("sales", won);
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(
                tasks.as(DemoClient.SALES_HEAD).get("/api/v1/reports/deals-without-tasks").body().toString())
                .doesNotContain(openId));

        scanner.scan();
        assertThat(tasks.get("/api/v1/tasks/" + task.path("id").asString()).body().path("overdue").asBoolean())
                .as("not overdue by years").isFalse();
        assertThat(tasks.get("/api/v1/tasks?dealId=" + openId + "&status=OPEN").body().path("total").asLong())
                .isEqualTo(1);
        // settled once, on the history's last event, however the polls split it: no task for a stage left long ago
        assertThat(tasks.get("/api/v1/tasks?dealId=" + openId).body().path("total").asLong()).isEqualTo(1);
        assertThat(tasks.get("/api/v1/tasks?dealId=" + wonId + "&status=OPEN").body().path("total").asLong())
                .isZero();
        assertThat(deals.get("/api/v1/deals/" + openId).body().path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void completingTheLastTaskWithoutANextOneIsRefusedAndWithOneBothHappen() {
        String dealId = deals.openDeal(withManager(salesDealWithContact(), "taras"));
        String taskId = awaitOpenTasks(dealId, 1).get(0).path("id").asString();

        ApiResponse refused = tasks.post("/api/v1/tasks/" + taskId + "/complete", Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo(ProblemTypes.DEAL_LEFT_WITHOUT_TASK);
        assertThat(tasks.get("/api/v1/tasks/" + taskId).body().path("status").asString()).isEqualTo("OPEN");

        Instant nextDue = clock.instant().plus(Duration.ofDays(2));
        ApiResponse completed = tasks.post("/api/v1/tasks/" + taskId + "/complete",
                Map.of("nextTask", Map.of("title", "Передзвонити клієнту", "dueAt", nextDue.toString())));
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.body().path("completed").path("status").asString()).isEqualTo("DONE");
        assertThat(completed.body().path("next").path("title").asString()).isEqualTo("Передзвонити клієнту");
        assertThat(completed.body().path("next").path("assigneeId").asString()).isEqualTo("taras");

        ApiResponse again = tasks.post("/api/v1/tasks/" + taskId + "/complete", Map.of());
        assertThat(again.problemType()).isEqualTo(ProblemTypes.TASK_CLOSED);
    }

    @Test
    void aTaskForADealNotSeenYetIsToldToRetryAndAWrongIdIsNotFound() {
        MessageListenerContainer dealEvents = listeners.getListenerContainer("task-service-deals");
        String future = clock.instant().plus(Duration.ofDays(1)).toString();
        String dealId;
        dealEvents.stop();
        try {
            dealId = deals.openDeal(withManager(salesDealWithContact(), "olena"));

            ApiResponse notYet = tasks.post("/api/v1/tasks", Map.of("dealId", dealId, "title", "Call",
                    "dueAt", future));
            ApiResponse wrong = tasks.post("/api/v1/tasks", Map.of("dealId", UUID.randomUUID().toString(),
                    "title", "Call", "dueAt", future));

            assertThat(notYet.status()).isEqualTo(409);
            assertThat(notYet.problemType()).isEqualTo(ProblemTypes.DEAL_NOT_YET_KNOWN);
            assertThat(notYet.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(wrong.status()).isEqualTo(404);
            assertThat(wrong.problemType()).isEqualTo(ProblemTypes.DEAL_NOT_FOUND);
        } finally {
            dealEvents.start();
        }
        String manual = await().atMost(WAIT).until(() -> tasks.post("/api/v1/tasks", Map.of("dealId", dealId,
                "title", "Call", "dueAt", future)), answer -> answer.status() != 409).body().path("id").asString();
        assertThat(tasks.get("/api/v1/tasks/" + manual).body().path("kind").asString()).isEqualTo("MANUAL");
    }

    @Test
    void badTaskInputIsRefusedAndWritesNothing() {
        String dealId = deals.openDeal(withManager(salesDealWithContact(), "oksana"));
        awaitOpenTasks(dealId, 1);
        String future = clock.instant().plus(Duration.ofDays(1)).toString();

        assertThat(tasks.post("/api/v1/tasks", Map.of("dealId", "no-such-deal", "title", "Call", "dueAt", future))
                .problemType()).isEqualTo(ProblemTypes.DEAL_NOT_FOUND);
        ApiResponse past = tasks.post("/api/v1/tasks", Map.of("dealId", dealId, "title", "Call",
                "dueAt", clock.instant().minusSeconds(60).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().path("errors").toString()).contains("dueAt");
        ApiResponse blank = tasks.post("/api/v1/tasks", Map.of("dealId", dealId, "title", " ", "dueAt", future));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().path("errors").toString()).contains("title");
        assertThat(tasks.post("/api/v1/tasks", Map.of("dealId", dealId, "title", "x".repeat(201), "dueAt", future))
                .status()).isEqualTo(400);
        assertThat(tasks.post("/api/v1/tasks/no-such-task/complete", Map.of()).problemType())
                .isEqualTo(ProblemTypes.TASK_NOT_FOUND);
        assertThat(tasks.get("/api/v1/tasks?dealId=" + dealId).body().path("total").asLong()).isEqualTo(1);

        ApiResponse manual = tasks.post("/api/v1/tasks", Map.of("dealId", dealId, "title", "Надіслати каталог",
                "dueAt", future));
        assertThat(manual.status()).isEqualTo(201);
        assertThat(manual.body().path("kind").asString()).isEqualTo("MANUAL");
        assertThat(manual.body().path("assigneeId").asString()).isEqualTo("oksana");

        assertThat(deals.post("/api/v1/deals/" + dealId + "/lost", Map.of("reasonCode", "price", "comment", "no"))
                .status()).isEqualTo(200);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(tasks.get("/api/v1/tasks?dealId=" + dealId + "&status=OPEN").body().path("total")
                        .asLong()).isZero());
        assertThat(tasks.post("/api/v1/tasks", Map.of("dealId", dealId, "title", "Call", "dueAt", future))
                .problemType()).isEqualTo(ProblemTypes.DEAL_CLOSED);
        JsonNode cancelled = tasks.get("/api/v1/tasks?dealId=" + dealId + "&status=CANCELLED").body().path("items");
        assertThat(cancelled).hasSize(2);
        cancelled.forEach(task -> assertThat(task.path("cancelCause").asString()).isEqualTo("DEAL_CLOSED"));
    }

    @Test
    void reassigningTheManagerMovesTheOpenTasksAndReschedulesAreCounted() {
        String dealId = deals.openDeal(withManager(salesDealWithContact(), "ivan"));
        String taskId = awaitOpenTasks(dealId, 1).get(0).path("id").asString();

        ApiResponse noReason = tasks.post("/api/v1/tasks/" + taskId + "/reschedule",
                Map.of("dueAt", clock.instant().plus(Duration.ofDays(1)).toString()));
        assertThat(noReason.status()).isEqualTo(400);
        ApiResponse rescheduled = tasks.post("/api/v1/tasks/" + taskId + "/reschedule",
                Map.of("dueAt", clock.instant().plus(Duration.ofDays(1)).toString(), "reason", "client travels"));
        assertThat(rescheduled.body().path("rescheduleCount").asInt()).isEqualTo(1);
        assertThat(tasks.as(DemoClient.SALES_HEAD).get("/api/v1/reports/reschedules").body().toString())
                .contains("\"assigneeId\":\"ivan\",\"reschedules\":1");

        assertThat(deals.post("/api/v1/deals/" + dealId + "/manager", Map.of("managerId", "petro")).status())
                .isEqualTo(200);
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            JsonNode open = tasks.get("/api/v1/tasks?dealId=" + dealId + "&status=OPEN").body().path("items");
            assertThat(open).hasSize(1);
            assertThat(open.get(0).path("assigneeId").asString()).isEqualTo("petro");
            assertThat(open.get(0).path("dueAt").asString()).isEqualTo(rescheduled.body().path("dueAt").asString());
        });
        assertThat(tasks.get("/api/v1/tasks/" + taskId).body().path("cancelCause").asString())
                .isEqualTo("REASSIGNED");
    }

    @Test
    void anOverdueTaskIsSeenOnceEscalatedAndAfterStaleAfterTheDealIsLostAsStale() {
        String dealId = deals.openDeal(withManager(salesDealWithContact(), "maria"));
        String taskId = awaitOpenTasks(dealId, 1).get(0).path("id").asString();

        clock.advance(Duration.ofHours(5));
        assertThat(scanner.scan().tasksMarkedOverdue()).isPositive();
        JsonNode overdue = tasks.get("/api/v1/tasks/" + taskId).body();
        assertThat(overdue.path("overdue").asBoolean()).isTrue();
        assertThat(tasks.get("/api/v1/tasks?dealId=" + dealId + "&status=OVERDUE").body().path("total").asLong())
                .isEqualTo(1);
        JsonNode control = tasks.get("/api/v1/tasks?dealId=" + dealId + "&assigneeId=head-of-sales").body()
                .path("items");
        assertThat(control).hasSize(1);
        assertThat(control.get(0).path("kind").asString()).isEqualTo("CONTROL");
        assertThat(tasks.as(DemoClient.SALES_HEAD).get("/api/v1/reports/overdue?groupBy=assignee").body().toString())
                .contains("maria");

        assertThat(scanner.scan().tasksMarkedOverdue()).as("a second scan marks nothing again").isZero();
        assertThat(tasks.get("/api/v1/tasks?dealId=" + dealId + "&assigneeId=head-of-sales").body().path("total")
                .asLong()).as("escalated once").isEqualTo(1);

        clock.advance(Duration.ofDays(15));
        assertThat(scanner.scan().staleDealsClosed()).isPositive();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode deal = deals.get("/api/v1/deals/" + dealId).body();
            assertThat(deal.path("status").asString()).isEqualTo("LOST");
            assertThat(deal.path("lossReason").path("code").asString()).isEqualTo("stale");
        });
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(tasks.get("/api/v1/tasks?dealId=" + dealId + "&status=OPEN").body().path("total")
                        .asLong()).isZero());
        // closed by task-service with its own client-credentials token: it is both the actor and the client
        JsonNode history = deals.get("/api/v1/deals/" + dealId + "/history").body();
        JsonNode lost = history.get(history.size() - 1);
        assertThat(lost.path("type").asString()).isEqualTo("DealLost");
        assertThat(lost.path("actor").asString()).isEqualTo("task-service");
        assertThat(lost.path("clientId").asString()).isEqualTo("task-service");

        List<String> types = taskEventTypes(dealId, 4);
        assertThat(types).startsWith("TaskOpened", "TaskOverdue", "TaskOpened");
        assertThat(types).contains("TaskCancelled");
    }

    @Test
    void aRedeliveredDealEventOpensNoSecondTask() throws Exception {
        String dealId = deals.openDeal(withManager(salesDealWithContact(), "nadia"));
        awaitOpenTasks(dealId, 1);

        byte[] opened = firstDealEvent(dealId);
        sendDealEvents(dealId, opened);
        // a later deal event of the same deal (one partition) consumed proves the redelivered one was consumed
        // before it; the TaskOpened already there says nothing about the redelivery
        assertThat(deals.post("/api/v1/deals/" + dealId + "/tags", Map.of("add", List.of("checked"))).status())
                .isEqualTo(200);
        ConsumerRecord<String, byte[]> sentinel = dealEventOfType(dealId, "DealTagged");
        ConsumerGroups.awaitConsumedPast(listeners.getListenerContainer("task-service-deals").getGroupId(),
                sentinel.topic(), sentinel.partition(), sentinel.offset(), WAIT);

        assertThat(tasks.get("/api/v1/tasks?dealId=" + dealId).body().path("total").asLong()).isEqualTo(1);
        assertThat(taskEventTypes(dealId, 1)).containsExactly("TaskOpened");
    }

    @Test
    void anUnreadableRecordInABatchIsSkippedAndTheEventsAroundItAreApplied() throws Exception {
        String dealId = deals.openDeal(withManager(salesDealWithContact(), "nadia"));
        awaitOpenTasks(dealId, 1);
        byte[] opened = firstDealEvent(dealId);

        // same key, so the same partition and, sent together, most likely one poll: garbage between two events
        sendDealEvents(dealId, opened, "{not json".getBytes(StandardCharsets.UTF_8), opened);
        moveToNeedsIdentified(dealId);

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            JsonNode open = tasks.get("/api/v1/tasks?dealId=" + dealId + "&status=OPEN").body().path("items");
            assertThat(open.size()).isEqualTo(1);
            assertThat(open.get(0).path("stageId").asString()).isEqualTo("needs-identified");
        });
        assertThat(taskEventTypes(dealId, 3)).containsExactly("TaskOpened", "TaskCancelled", "TaskOpened");
    }

    /**
     * A poll is applied as one batch, each event to what the ones before it left in memory: a deal's whole life
     * (opened, moved, reassigned, lost) delivered at once under a new id must leave exactly the tasks and task
     * events it left when its events came one command at a time.
     */
    @Test
    void aDealsWholeLifeInOnePollLeavesWhatItLeftEventByEvent() throws Exception {
        String live = deals.openDeal(withManager(salesDealWithContact(), "olena"));
        awaitOpenTasks(live, 1);
        moveToNeedsIdentified(live);
        assertThat(deals.post("/api/v1/deals/" + live + "/manager", Map.of("managerId", "petro")).status())
                .isEqualTo(200);
        assertThat(deals.post("/api/v1/deals/" + live + "/lost",
                Map.of("reasonCode", "price", "comment", "too dear")).status()).isEqualTo(200);
        List<String> liveEvents = taskEventTypes(live, 6);
        JsonNode liveTasks = await().atMost(WAIT).ignoreExceptions().until(
                () -> tasks.get("/api/v1/tasks?dealId=" + live).body().path("items"), items -> items.size() == 3
                        && tasks.get("/api/v1/tasks?dealId=" + live + "&status=OPEN").body().path("total")
                        .asLong() == 0);

        String replayed = "replayed-" + UUID.randomUUID();
        List<byte[]> life;
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(),
                Topics.DEAL_EVENTS)) {
            life = reader.readKey(live, 5, WAIT).stream()
                    .map(record -> new String(record.value(), StandardCharsets.UTF_8).replace(live, replayed)
                            .getBytes(StandardCharsets.UTF_8)).toList();
        }
        sendDealEvents(replayed, life.toArray(byte[][]::new));

        assertThat(taskEventTypes(replayed, liveEvents.size())).isEqualTo(liveEvents);
        JsonNode replayedTasks = await().atMost(WAIT).ignoreExceptions().until(
                () -> tasks.get("/api/v1/tasks?dealId=" + replayed).body().path("items"),
                items -> items.size() == liveTasks.size());
        assertThat(summary(replayedTasks)).isEqualTo(summary(liveTasks));
        assertThat(tasks.get("/api/v1/tasks?dealId=" + replayed + "&status=OPEN").body().path("total").asLong())
                .isZero();
    }

    /** What a task is apart from its id and its deal's: title, stage, assignee, due time, status and cause. */
    private static List<String> summary(JsonNode items) {
        List<String> tasks = new ArrayList<>();
        for (JsonNode item : items) {
            tasks.add(String.join("|", item.path("title").asString(), item.path("stageId").asString(),
                    item.path("assigneeId").asString(), item.path("dueAt").asString(),
                    item.path("status").asString(), item.path("cancelCause").asString()));
        }
        return tasks.stream().sorted().toList();
    }

    private static ConsumerRecord<String, byte[]> dealEventOfType(String dealId, String type) {
        EventJson json = new EventJson();
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.DEAL_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> found = reader.readUntil(record -> dealId.equals(record.key())
                            && type.equals(json.readDealEvent(record.value()).event().eventType()),
                    records -> !records.isEmpty(), WAIT);
            assertThat(found).as("a " + type + " of deal " + dealId + " on " + Topics.DEAL_EVENTS).isNotEmpty();
            return found.get(0);
        }
    }

    private static byte[] firstDealEvent(String dealId) {
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.DEAL_EVENTS)) {
            return reader.readKey(dealId, 1, WAIT).get(0).value();
        }
    }

    /** Sent together (a short linger), so they most likely reach the consumer in one poll. */
    private static void sendDealEvents(String dealId, byte[]... values) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 50), new StringSerializer(), new ByteArraySerializer())) {
            Future<?> last = null;
            for (byte[] value : values) {
                last = producer.send(new ProducerRecord<>(Topics.DEAL_EVENTS, dealId, value));
            }
            last.get();
        }
    }

    private List<String> taskEventTypes(String dealId, int atLeast) {
        EventJson json = new EventJson();
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.TASK_EVENTS)) {
            List<String> types = new ArrayList<>();
            List<Long> sequences = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : reader.readKey(dealId, atLeast, WAIT)) {
                TaskEvent event = json.readTaskEvent(record.value()).event();
                types.add(event.eventType());
                sequences.add(json.readTaskEvent(record.value()).sequence());
            }
            for (int i = 0; i < sequences.size(); i++) {
                assertThat(sequences.get(i)).as("gap-free per-deal sequence").isEqualTo(i);
            }
            return types;
        }
    }

    private void moveToNeedsIdentified(String dealId) {
        assertThat(deals.patch("/api/v1/deals/" + dealId + "/fields", Map.of("equipmentCategories", "lathes"),
                h -> {
                }).status()).isEqualTo(200);
        assertThat(deals.post("/api/v1/deals/" + dealId + "/stage", stage("needs-identified")).status())
                .isEqualTo(200);
    }

    private JsonNode awaitOpenTasks(String dealId, int count) {
        return await().atMost(WAIT).ignoreExceptions().until(
                () -> tasks.get("/api/v1/tasks?dealId=" + dealId + "&status=OPEN").body().path("items"),
                items -> items.size() == count);
    }

    private static JsonNode find(JsonNode items, String title) {
        for (JsonNode item : items) {
            if (item.path("title").asString().equals(title)) {
                return item;
            }
        }
        throw new AssertionError("no task titled " + title + " in " + items);
    }

    private static Map<String, Object> withManager(Map<String, Object> request, String managerId) {
        request.put("managerId", managerId);
        return request;
    }
}
