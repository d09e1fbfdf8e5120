package io.dealflow.deal.imports.web;

import io.dealflow.api.CloudEventHeaders;
import io.dealflow.api.ProblemTypes;
import io.dealflow.api.Topics;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.deal.ImportedDealIds;
import io.dealflow.platform.testing.ApiResponse;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.HistoryCsv;
import io.dealflow.platform.testing.HttpApi;
import io.dealflow.platform.testing.Imports;
import io.dealflow.platform.testing.TestInfrastructure;
import io.dealflow.platform.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §7 over real HTTP, PostgreSQL and Kafka: every deal of a file judged by the live rules, whole or not. */
@DealflowIntegrationTest
class ImportIT {

    private static final Instant START = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final long DAY = 86_400;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private HttpApi api;
    private String run;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        run = UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** A file with one deal per rule to refuse, between two good deals. */
    private Mixed mixedFile() {
        HistoryCsv csv = new HistoryCsv();
        Mixed file = new Mixed(csv);
        csv.salesOpened(file.won, START, "olena");
        Instant walked = csv.salesWalk(file.won, START, DAY, "proposal-sent");
        csv.reassigned(file.won, walked.plusSeconds(60), "taras");
        csv.won(file.won, walked.plusSeconds(DAY));

        csv.salesOpened(file.skipped, START, "olena");
        csv.moved(file.skipped, START.plusSeconds(DAY), "needs-identified", HistoryCsv.requiredToEnter("needs-identified"));
        file.skipLine = csv.nextLine();
        csv.moved(file.skipped, START.plusSeconds(2 * DAY), "proposal");

        csv.salesOpened(file.lostWithoutReason, START, "olena");
        file.lostLine = csv.nextLine();
        csv.lost(file.lostWithoutReason, START.plusSeconds(DAY), null, "went silent");

        file.missingLine = csv.nextLine();
        Map<String, String> withoutSource = new LinkedHashMap<>(HistoryCsv.salesContact());
        withoutSource.remove("source");
        csv.row(file.missingField, START, "OPENED", null, "olena", "No source", null, null, withoutSource);
        csv.moved(file.missingField, START.plusSeconds(DAY), "needs-identified",
                HistoryCsv.requiredToEnter("needs-identified"));

        csv.salesOpened(file.outOfOrder, START.plusSeconds(5 * DAY), "olena");
        file.outOfOrderLine = csv.nextLine();
        csv.moved(file.outOfOrder, START.plusSeconds(4 * DAY), "needs-identified",
                HistoryCsv.requiredToEnter("needs-identified"));

        csv.salesOpened(file.open, START.plusSeconds(10 * DAY), "taras");
        csv.salesWalk(file.open, START.plusSeconds(10 * DAY), DAY, "proposal");
        return file;
    }

    @Test
    void eachRefusedDealIsNamedWithItsLineAndRuleAndNothingOfItIsWrittenWhileTheOthersAreImported() {
        Mixed file = mixedFile();

        JsonNode done = Imports.run(api, "sales", file.csv.toString(), false);

        JsonNode answer = done.path("answer");
        assertThat(answer.path("imported").asLong()).isEqualTo(2);
        assertThat(answer.path("events").asLong()).isEqualTo(9 + 5);
        assertThat(done.path("rowsRead").asLong()).isEqualTo(file.csv.rows());
        assertThat(refusals(answer)).containsExactly(
                file.skipLine + " " + file.skipped + " " + ProblemTypes.STAGE_SKIP_NOT_ALLOWED,
                file.lostLine + " " + file.lostWithoutReason + " " + ProblemTypes.LOSS_REASON_REQUIRED,
                file.missingLine + " " + file.missingField + " " + ProblemTypes.REQUIRED_FIELDS_MISSING,
                file.outOfOrderLine + " " + file.outOfOrder + " " + ProblemTypes.IMPORT_ROWS_OUT_OF_ORDER);
        for (String refused : List.of(file.skipped, file.lostWithoutReason, file.missingField, file.outOfOrder)) {
            assertThat(storedEvents(refused)).as(refused).isZero();
            assertThat(api.get("/api/v1/deals/" + id(refused)).status()).as(refused).isEqualTo(404);
        }

        JsonNode won = api.get("/api/v1/deals/" + id(file.won)).body();
        assertThat(won.path("status").asString()).isEqualTo("WON");
        assertThat(won.path("managerId").asString()).isEqualTo("taras");
        assertThat(won.path("externalRef").asString()).isEqualTo(file.won);
        assertThat(Instant.parse(won.path("openedAt").asString())).isEqualTo(START);
        assertThat(won.path("fields").path("installationAddress").asString()).isEqualTo("Київ, вул. Садова, 1\nофіс 2");
        JsonNode history = api.get("/api/v1/deals/" + id(file.won) + "/history").body();
        assertThat(history.size()).isEqualTo(9);
        assertThat(Instant.parse(history.get(0).path("occurredAt").asString())).isEqualTo(START);
        assertThat(Instant.parse(history.get(1).path("occurredAt").asString())).isEqualTo(START.plusSeconds(DAY));
        assertThat(history.findValuesAsString("type")).containsExactly("DealOpened", "DealFieldsUpdated",
                "DealStageChanged", "DealStageChanged", "DealStageChanged", "DealFieldsUpdated", "DealStageChanged",
                "DealManagerReassigned", "DealWon");
        history.forEach(entry -> assertThat(entry.path("imported").asBoolean()).isTrue());

        JsonNode open = api.get("/api/v1/deals/" + id(file.open)).body();
        assertThat(open.path("stageId").asString()).isEqualTo("proposal");
        assertThat(Instant.parse(open.path("stageEnteredAt").asString())).isEqualTo(START.plusSeconds(13 * DAY));
    }

    @Test
    void importedEventsReachKafkaMarkedImportedWithTheirRowsTimeAndTheLastEndsTheHistory() {
        Mixed file = mixedFile();
        Imports.run(api, "sales", file.csv.toString(), false);

        try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.DEAL_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readKey(id(file.won), 9, Duration.ofSeconds(60));
            assertThat(records).hasSize(9);
            for (ConsumerRecord<String, byte[]> record : records) {
                assertThat(new String(record.headers().lastHeader(CloudEventHeaders.IMPORTED).value(),
                        StandardCharsets.UTF_8)).isEqualTo("true");
                PublishedEvent<DealEvent> published = new EventJson().readDealEvent(record.value());
                assertThat(published.imported()).isTrue();
                assertThat(published.occurredAt()).isBefore(Instant.now().minus(300, ChronoUnit.DAYS));
            }
            assertThat(new EventJson().readDealEvent(records.get(0).value()).occurredAt()).isEqualTo(START);
            // only the history's last event ends it: consumers settle live duties on that one
            assertThat(records.stream().map(record -> new EventJson().readDealEvent(record.value()).importEnd()))
                    .containsExactly(false, false, false, false, false, false, false, false, true);
        }
    }

    @Test
    void theSameFileTwiceImportsOnceAndSaysSoTheSecondTime() {
        Mixed file = mixedFile();
        Imports.run(api, "sales", file.csv.toString(), false);
        long stored = storedEvents(file.won) + storedEvents(file.open);

        JsonNode again = Imports.run(api, "sales", file.csv.toString(), false).path("answer");

        assertThat(again.path("imported").asLong()).isZero();
        assertThat(again.path("events").asLong()).isZero();
        assertThat(refusals(again)).contains(
                2 + " " + file.won + " " + ProblemTypes.DEAL_ALREADY_IMPORTED,
                file.skipLine + " " + file.skipped + " " + ProblemTypes.STAGE_SKIP_NOT_ALLOWED);
        assertThat(again.path("refused").size()).isEqualTo(6);
        assertThat(storedEvents(file.won) + storedEvents(file.open)).isEqualTo(stored);
    }

    @Test
    void aDryRunAnswersTheSameAndWritesNothing() {
        Mixed file = mixedFile();
        long before = allStoredEvents();

        JsonNode dry = Imports.run(api, "sales", file.csv.toString(), true);

        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        assertThat(dry.path("answer").path("imported").asLong()).isEqualTo(2);
        assertThat(dry.path("answer").path("events").asLong()).isEqualTo(14);
        assertThat(dry.path("answer").path("refused").size()).isEqualTo(4);
        assertThat(storedEvents(file.won)).isZero();
        assertThat(api.get("/api/v1/deals/" + id(file.won)).status()).isEqualTo(404);
        assertThat(allStoredEvents()).isEqualTo(before);

        JsonNode real = Imports.run(api, "sales", file.csv.toString(), false);
        assertThat(refusals(real.path("answer"))).isEqualTo(refusals(dry.path("answer")));
        assertThat(real.path("answer").path("events")).isEqualTo(dry.path("answer").path("events"));

        JsonNode dryAgain = Imports.run(api, "sales", file.csv.toString(), true).path("answer");
        assertThat(dryAgain.path("imported").asLong()).isZero();
        assertThat(refusals(dryAgain)).contains(2 + " " + file.won + " " + ProblemTypes.DEAL_ALREADY_IMPORTED);
    }

    /**
     * The deals of a file are committed in batches; a deal whose history appears twice in one batch fails the batch's
     * commit on the event store's key, and the batch is then decided deal by deal: each deal still gets its answer.
     */
    @Test
    void aDealWhoseHistoryAppearsTwiceIsImportedOnceAndTheOtherDealsOfItsBatchAreImported() {
        HistoryCsv csv = new HistoryCsv();
        String twice = run + "twice";
        String between = run + "between";
        csv.salesOpened(twice, START, "olena");
        csv.salesOpened(between, START, "taras");
        long repeatLine = csv.nextLine();
        csv.salesOpened(twice, START, "olena");

        JsonNode answer = Imports.run(api, "sales", csv.toString(), false).path("answer");

        assertThat(answer.path("imported").asLong()).isEqualTo(2);
        assertThat(refusals(answer)).containsExactly(
                repeatLine + " " + twice + " " + ProblemTypes.DEAL_ALREADY_IMPORTED);
        assertThat(storedEvents(twice)).isEqualTo(storedEvents(between)).isPositive();
        assertThat(api.get("/api/v1/deals/" + id(between)).status()).isEqualTo(200);
    }

    @Test
    void aRowInTheFutureRefusesItsDeal() {
        HistoryCsv csv = new HistoryCsv();
        String ref = run + "future";
        csv.salesOpened(ref, START, "olena");
        csv.moved(ref, Instant.now().plus(1, ChronoUnit.DAYS), "needs-identified",
                HistoryCsv.requiredToEnter("needs-identified"));

        JsonNode answer = Imports.run(api, "sales", csv.toString(), false).path("answer");

        assertThat(refusals(answer)).containsExactly("3 " + ref + " " + ProblemTypes.IMPORT_ROW_IN_FUTURE);
        assertThat(storedEvents(ref)).isZero();
    }

    /** The README's sample, as a user would first send it. */
    @Test
    void theSampleFileOfTheReadmeImportsWhole() throws Exception {
        String sample = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "samples",
                "import-sales.csv"));

        JsonNode done = Imports.run(api, "sales", sample, true);

        assertThat(done.path("rowsRead").asLong()).isEqualTo(12);
        assertThat(done.path("answer").path("refused").size()).as(done.toString()).isZero();
        assertThat(done.path("answer").path("imported").asLong()).isEqualTo(3);
        assertThat(done.path("answer").path("events").asLong()).isEqualTo(16);
    }

    @Test
    void aFileThatIsNotTheHistoryFormatIsRefusedAtOnceNamingTheColumn() {
        ApiResponse refused = api.postCsv("/api/v1/imports?pipelineId=sales", "externalRef,when,action\nx,y,z\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("occurredAt").contains("when");
        assertThat(api.postCsv("/api/v1/imports?pipelineId=no-such-pipeline", new HistoryCsv().toString())
                .problemType()).isEqualTo(ProblemTypes.PIPELINE_NOT_FOUND);
        assertThat(api.get("/api/v1/imports/" + UUID.randomUUID()).problemType())
                .isEqualTo(ProblemTypes.IMPORT_NOT_FOUND);
    }

    private String id(String externalRef) {
        return ImportedDealIds.of("sales", externalRef);
    }

    private long storedEvents(String externalRef) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(id(externalRef)).query(Long.class).single();
    }

    private long allStoredEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static List<String> refusals(JsonNode answer) {
        List<String> refusals = new ArrayList<>();
        answer.path("refused").forEach(refused -> refusals.add(refused.path("line").asLong() + " "
                + refused.path("externalRef").asString() + " " + refused.path("type").asString()));
        return refusals;
    }

    private final class Mixed {
        final HistoryCsv csv;
        final String won = run + "won";
        final String skipped = run + "skipped";
        final String lostWithoutReason = run + "lost";
        final String missingField = run + "missing";
        final String outOfOrder = run + "out-of-order";
        final String open = run + "open";
        long skipLine;
        long lostLine;
        long missingLine;
        long outOfOrderLine;

        Mixed(HistoryCsv csv) {
            this.csv = csv;
        }
    }
}
