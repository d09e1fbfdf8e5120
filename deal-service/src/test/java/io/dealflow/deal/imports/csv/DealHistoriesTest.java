package io.dealflow.deal.imports.csv;

import io.dealflow.api.ProblemTypes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DealHistoriesTest {

    private static final String HEADER = "externalRef,occurredAt,action,stageId,managerId,title\n";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void consecutiveRowsOfOneExternalRefAreOneDeal() {
        List<DealHistoryDraft> deals = group(HEADER
                + "a,2025-01-01,OPENED,,olena,A\n"
                + "a,2025-01-02,MOVED,needs-identified,,\n"
                + "b,2025-01-01,OPENED,,taras,B\n"
                + "c,2025-01-01,OPENED,,taras,C\n"
                + "c,2025-01-01,WON,,,\n", 100);

        assertThat(deals).extracting(DealHistoryDraft::externalRef).containsExactly("a", "b", "c");
        assertThat(deals).extracting(DealHistoryDraft::rowCount).containsExactly(2, 1, 2);
        assertThat(deals).extracting(DealHistoryDraft::firstLine).containsExactly(2L, 4L, 5L);
        assertThat(deals).noneMatch(DealHistoryDraft::isRefused);
        assertThat(deals.get(0).rows()).extracting(row -> row.stageId()).containsExactly(null, "needs-identified");
    }

    @Test
    void oneBadRowRefusesItsDealWholeAndOnlyItsDeal() {
        List<DealHistoryDraft> deals = group(HEADER
                + "a,2025-01-01,OPENED,,olena,A\n"
                + "a,2025-01-02,TELEPORTED,,,\n"
                + "a,2025-01-03,WON,,,\n"
                + "b,2025-01-01,OPENED,,taras,B\n", 100);

        assertThat(deals).hasSize(2);
        assertThat(deals.get(0).isRefused()).isTrue();
        assertThat(deals.get(0).rowCount()).isEqualTo(3);
        assertThat(deals.get(0).rows()).isEmpty();
        assertThat(deals.get(0).refusal().line()).isEqualTo(3);
        assertThat(deals.get(1).isRefused()).isFalse();
    }

    @Test
    void rowsThatGoBackInTimeRefuseTheDealAtTheRowThatDoes() {
        List<DealHistoryDraft> deals = group(HEADER
                + "a,2025-01-05,OPENED,,olena,A\n"
                + "a,2025-01-05,MOVED,needs-identified,,\n"
                + "a,2025-01-04,MOVED,finance-legal-check,,\n", 100);

        assertThat(deals).singleElement().satisfies(deal -> {
            assertThat(deal.refusal().type()).isEqualTo(ProblemTypes.IMPORT_ROWS_OUT_OF_ORDER);
            assertThat(deal.refusal().line()).isEqualTo(4);
        });
    }

    @Test
    void aRowInTheFutureRefusesTheDeal() {
        List<DealHistoryDraft> deals = group(HEADER
                + "a,2025-12-31T23:59:59Z,OPENED,,olena,A\n"
                + "a,2026-01-01T00:00:01Z,WON,,,\n", 100);

        assertThat(deals).singleElement().satisfies(deal -> {
            assertThat(deal.refusal().type()).isEqualTo(ProblemTypes.IMPORT_ROW_IN_FUTURE);
            assertThat(deal.refusal().line()).isEqualTo(3);
        });
    }

    @Test
    void aDealWithMoreRowsThanAllowedIsRefusedAndTheNextDealStillReads() {
        List<DealHistoryDraft> deals = group(HEADER
                + "a,2025-01-01,OPENED,,olena,A\n"
                + "a,2025-01-02,FIELDS,,,\n"
                + "a,2025-01-03,FIELDS,,,\n"
                + "b,2025-01-01,OPENED,,taras,B\n", 2);

        assertThat(deals.get(0).refusal().line()).isEqualTo(4);
        assertThat(deals.get(0).rowCount()).isEqualTo(3);
        assertThat(deals.get(1).isRefused()).isFalse();
    }

    private static List<DealHistoryDraft> group(String csv, int maxRows) {
        HistoryCsvReader reader = HistoryCsvReader.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        List<DealHistoryDraft> deals = new ArrayList<>();
        new DealHistories(reader, NOW, maxRows).forEachRemaining(deals::add);
        return deals;
    }
}
