package io.dealflow.analytics.history;

import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.deal.Direction;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.DemoClient;
import io.dealflow.platform.testing.HistoryCsv;
import io.dealflow.platform.testing.HttpApi;
import io.dealflow.platform.testing.Imports;
import io.dealflow.platform.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DESIGN §7: a year-old history imported through the real deal-service (a child process) is counted by analytics
 * exactly like live history. The expected figures are recomputed from the file's rows themselves (what each row
 * says happened, by DESIGN §4's definitions), not from the events deal-service made of them.
 */
@DealflowIntegrationTest
class ImportedHistoryIT {

    private static final int DEALS = 1000;
    private static final List<String> STAGES = List.of("new-inquiry", "needs-identified", "finance-legal-check",
            "proposal", "proposal-sent");
    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    /** Every row of the file falls inside it, and nothing else of the sales pipeline does. */
    private static final String WINDOW = "&from=2023-12-01T00:00:00Z&to=2024-03-01T00:00:00Z";

    @LocalServerPort
    int port;

    @Test
    void timeInStageAndConversionOfAnImportedHistoryEqualARecomputationFromTheFile() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<PublishedEvent<DealEvent>> said = new ArrayList<>();
        HistoryCsv csv = generate(run, new Random(7), said);
        HttpApi deals = new HttpApi(TestServices.dealService().baseUrl());

        JsonNode answer = Imports.run(deals, "sales", csv.toString(), false).path("answer");
        assertThat(answer.path("refused").size()).as(answer.path("refused").toString()).isZero();
        assertThat(answer.path("imported").asLong()).isEqualTo(DEALS);

        GeneratedHistoryIT.Expected expected = GeneratedHistoryIT.Expected.from(said, STAGES);
        HttpApi analytics = new HttpApi(port).as(DemoClient.SALES_HEAD);
        await().atMost(Duration.ofSeconds(360)).ignoreExceptions().untilAsserted(() ->
                GeneratedHistoryIT.assertReportsMatch(analytics, "pipelineId=sales" + WINDOW, expected));
    }

    /**
     * Random histories the sales pipeline accepts (one stage at a time, backward with a reason, quick catch-up runs,
     * reassignments, wins from the last stage, losses with a reason and a comment); {@code said} gets what each row
     * says happened, in the shape the recomputation reads.
     */
    private static HistoryCsv generate(String run, Random random, List<PublishedEvent<DealEvent>> said) {
        HistoryCsv csv = new HistoryCsv();
        List<Duration> gaps = GeneratedHistoryIT.GAPS;
        for (int i = 0; i < DEALS; i++) {
            String ref = run + "-" + i;
            Instant at = BASE.plus(Duration.ofMinutes(7L * i));
            String manager = "imp-m" + random.nextInt(4);
            int stage = 0;
            csv.row(ref, at, "OPENED", null, manager, "Deal " + i, null, null, HistoryCsv.salesContact());
            Said story = new Said(ref, said);
            story.add(at, new DealOpened(ref, "sales", 1, "it", "Deal " + i, manager, STAGES.get(0), Map.of(),
                    List.of(), ref, null, null));
            for (int step = 0; step < 8; step++) {
                at = at.plus(gaps.get(random.nextInt(gaps.size())));
                int action = random.nextInt(100);
                if (stage == STAGES.size() - 1 && action < 40) {
                    csv.won(ref, at);
                    story.add(at, new DealWon(ref, "sales", 1, "it", STAGES.get(stage), manager));
                    break;
                } else if (action < 10) {
                    String reason = random.nextBoolean() ? "price" : "client-went-silent";
                    csv.lost(ref, at, reason, "Клієнт сказав: \"ні\", дякуємо");
                    story.add(at, new DealLost(ref, "sales", 1, "it", STAGES.get(stage), manager, reason, "ні"));
                    break;
                } else if (action < 15) {
                    String next = "imp-m" + random.nextInt(4);
                    if (!next.equals(manager)) {
                        csv.reassigned(ref, at, next);
                        story.add(at, new DealManagerReassigned(ref, "sales", 1, "it", manager, next));
                        manager = next;
                    }
                } else if (action < 25 && stage > 0) {
                    stage--;
                    csv.row(ref, at, "MOVED", STAGES.get(stage), null, null, null, "client asked to revisit",
                            Map.of());
                    story.add(at, new DealStageChanged(ref, "sales", 1, "it", STAGES.get(stage + 1),
                            STAGES.get(stage), Direction.BACKWARD, List.of(), "client asked to revisit", manager));
                } else if (stage < STAGES.size() - 1) {
                    stage++;
                    csv.moved(ref, at, STAGES.get(stage), HistoryCsv.requiredToEnter(STAGES.get(stage)));
                    story.add(at, new DealStageChanged(ref, "sales", 1, "it", STAGES.get(stage - 1),
                            STAGES.get(stage), Direction.FORWARD, List.of(), null, manager));
                }
            }
        }
        return csv;
    }

    /** One deal's facts as its rows state them. */
    private static final class Said {
        private final String ref;
        private final List<PublishedEvent<DealEvent>> all;
        private final Map<String, Long> sequences = new HashMap<>();

        Said(String ref, List<PublishedEvent<DealEvent>> all) {
            this.ref = ref;
            this.all = all;
        }

        void add(Instant at, DealEvent event) {
            long sequence = sequences.merge(ref, 1L, Long::sum) - 1;
            all.add(new PublishedEvent<>(ref + "-" + sequence, sequence, at, event));
        }
    }
}
