package io.dealflow.local.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's history must pass the sales pipeline's rules (deal-service judges it row by row; a refused deal would be
 * missing from the dashboards): these are the rules of deal-service's sales.yml as the file must meet them.
 */
class DemoHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void everyDealOpensWithTheFirstStagesFieldsAndWalksForwardOneStageAtATime() throws IOException {
        Map<String, List<CSVRecord>> deals = deals(DemoHistory.csv(300, NOW));

        assertThat(deals).hasSize(300);
        for (Map.Entry<String, List<CSVRecord>> deal : deals.entrySet()) {
            List<CSVRecord> rows = deal.getValue();
            CSVRecord opened = rows.get(0);
            assertThat(opened.get("action")).as(deal.getKey()).isEqualTo("OPENED");
            for (String field : List.of("contactName", "source", "equipmentPreference", "clientType", "phone")) {
                assertThat(opened.get("field." + field)).as(deal.getKey() + " " + field).isNotBlank();
            }
            assertThat(opened.get("managerId")).isIn(DemoManager.SALES_TEAM.stream().map(DemoManager::id).toList());
            int stage = 0;
            Instant previous = Instant.MIN;
            for (CSVRecord row : rows) {
                Instant at = Instant.parse(row.get("occurredAt"));
                assertThat(at).as("in order, in the past").isAfterOrEqualTo(previous).isBefore(NOW.minus(Duration.ofDays(1)));
                previous = at;
                switch (row.get("action")) {
                    case "MOVED" -> {
                        stage++;
                        assertThat(row.get("stageId")).as("STRICT: the next stage").isEqualTo(DemoHistory.STAGES.get(stage));
                        if (stage == 1) {
                            assertThat(row.get("field.equipmentCategories")).isNotBlank();
                        }
                        if (stage == 4) {
                            assertThat(List.of(row.get("field.equipment"), row.get("field.amount"),
                                    row.get("field.installationAddress"))).allMatch(value -> !value.isBlank());
                        }
                    }
                    case "LOST" -> {
                        assertThat(row.get("reasonCode")).isNotBlank();
                        assertThat(row.get("comment")).isNotBlank();
                    }
                    case "WON" -> assertThat(stage).as("won from proposal-sent").isEqualTo(4);
                    case "OPENED" -> assertThat(row).isSameAs(opened);
                    default -> throw new AssertionError("unexpected action in " + row);
                }
            }
            assertThat(rows.subList(0, rows.size() - 1)).as("nothing after the outcome")
                    .noneMatch(row -> row.get("action").equals("WON") || row.get("action").equals("LOST"));
        }
    }

    @Test
    void theHistoryHasWonLostAndOpenDealsAndTheCatchUpMoversMinuteLongStages() throws IOException {
        Map<String, List<CSVRecord>> deals = deals(DemoHistory.csv(300, NOW));

        Map<String, Long> outcomes = new LinkedHashMap<>();
        deals.values().forEach(rows -> outcomes.merge(switch (rows.get(rows.size() - 1).get("action")) {
            case "WON", "LOST" -> rows.get(rows.size() - 1).get("action");
            default -> "OPEN";
        }, 1L, Long::sum));
        assertThat(outcomes).containsKeys("WON", "LOST", "OPEN");
        assertThat(outcomes.values()).allMatch(count -> count >= 10);
        List<CSVRecord> catchUp = deals.values().stream().filter(rows -> rows.get(0).get("managerId").equals("bohdan"))
                .filter(rows -> rows.size() > 2).findFirst().orElseThrow();
        assertThat(Duration.between(Instant.parse(catchUp.get(1).get("occurredAt")),
                Instant.parse(catchUp.get(2).get("occurredAt")))).isLessThan(Duration.ofMinutes(10));
    }

    /** Idempotent by externalRef: a demo started again on kept data must send the same deals under the same refs. */
    @Test
    void theSameDealsUnderTheSameReferencesEveryTime() throws IOException {
        assertThat(DemoHistory.csv(50, NOW)).isEqualTo(DemoHistory.csv(50, NOW));
        assertThat(deals(DemoHistory.csv(50, NOW.plus(Duration.ofDays(3)))).keySet())
                .containsExactlyElementsOf(deals(DemoHistory.csv(50, NOW)).keySet());
    }

    private static Map<String, List<CSVRecord>> deals(String csv) throws IOException {
        Map<String, List<CSVRecord>> deals = new LinkedHashMap<>();
        for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            deals.computeIfAbsent(row.get("externalRef"), ref -> new ArrayList<>()).add(row);
        }
        return deals;
    }
}
