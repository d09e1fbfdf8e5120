package io.dealflow.deal.deal.query;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BoardWritesTest {

    private static final String INSERT = "INSERT";
    private static final String STAGE = "UPDATE stage";
    private static final String FIELDS = "UPDATE fields";

    @Test
    void theNthStatementOfEveryDealGoesInOneRoundPerKindOfStatement() {
        BoardWrites writes = new BoardWrites();
        writes.add(write("a", INSERT, 0));
        writes.add(write("a", FIELDS, 1));
        writes.add(write("a", STAGE, 2));
        writes.add(write("b", INSERT, 0));
        writes.add(write("b", STAGE, 1));
        writes.add(write("c", INSERT, 0));
        writes.add(write("c", FIELDS, 1));

        assertThat(writes.rounds()).containsExactly(
                new BoardWrites.Round(INSERT, List.of(params("a", 0), params("b", 0), params("c", 0))),
                new BoardWrites.Round(FIELDS, List.of(params("a", 1), params("c", 1))),
                new BoardWrites.Round(STAGE, List.of(params("b", 1))),
                new BoardWrites.Round(STAGE, List.of(params("a", 2))));
    }

    @Test
    void aDealsStatementsOfOneKindStayInTheirOrderAroundItsOtherStatements() {
        BoardWrites writes = new BoardWrites();
        writes.add(write("a", STAGE, 1));
        writes.add(write("a", FIELDS, 2));
        writes.add(write("a", STAGE, 3));

        assertThat(writes.rounds()).extracting(BoardWrites.Round::sql).containsExactly(STAGE, FIELDS, STAGE);
        assertThat(writes.rounds()).extracting(round -> round.params().get(0).get("sequence"))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void nothingWrittenIsNoRound() {
        assertThat(new BoardWrites().rounds()).isEmpty();
    }

    private static BoardWrites.Write write(String dealId, String sql, long sequence) {
        return new BoardWrites.Write(dealId, sql, params(dealId, sequence));
    }

    private static Map<String, Object> params(String dealId, long sequence) {
        return Map.of("dealId", dealId, "sequence", sequence);
    }
}
