package io.dealflow.api.deal;

import io.dealflow.api.id.DealId;
import io.dealflow.api.id.PersonId;
import io.dealflow.api.id.PipelineId;
import io.dealflow.api.id.StageId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class DealEventFactoriesTest {

    private static final DealStamp STAMP = new DealStamp(DealId.of("d-1"), PipelineId.of("sales"), 3, "olena");

    @Test
    void aStageChangeNamesEachIdWhereTheWireExpectsIt() {
        DealStageChanged changed = DealStageChanged.of(STAMP, StageId.of("new"), StageId.of("proposal"),
                Direction.FORWARD, List.of(StageId.of("qualified")), "client asked", PersonId.of("ivan"));

        assertThat(changed).isEqualTo(new DealStageChanged("d-1", "sales", 3, "olena", "new", "proposal",
                Direction.FORWARD, List.of("qualified"), "client asked", "ivan"));
    }

    @Test
    void anOpeningFromAHandoffCarriesItsOriginAndOneWithoutLeavesItOut() {
        DealOpened handedOff = DealOpened.of(STAMP, "Lathe", PersonId.of("anna"), StageId.of("new"),
                Map.of("amount", "1"), List.of("vip"), "crm-7", "d-0", "olena");
        DealOpened direct = DealOpened.of(STAMP, "Lathe", PersonId.of("anna"), StageId.of("new"), Map.of(),
                List.of(), null, null, null);

        assertThat(handedOff).isEqualTo(new DealOpened("d-1", "sales", 3, "olena", "Lathe", "anna", "new",
                Map.of("amount", "1"), List.of("vip"), "crm-7", "d-0", "olena"));
        assertThat(direct.externalRef()).isNull();
        assertThat(direct.originDealId()).isNull();
        assertThat(direct.originManagerId()).isNull();
    }

    @Test
    void theClosingEventsNameTheStageAndTheManagerApart() {
        assertThat(DealWon.of(STAMP, StageId.of("signed"), PersonId.of("ivan")))
                .isEqualTo(new DealWon("d-1", "sales", 3, "olena", "signed", "ivan"));
        assertThat(DealLost.of(STAMP, StageId.of("new"), PersonId.of("ivan"), "price", "too dear"))
                .isEqualTo(new DealLost("d-1", "sales", 3, "olena", "new", "ivan", "price", "too dear"));
        assertThat(DealManagerReassigned.of(STAMP, PersonId.of("ivan"), PersonId.of("anna")))
                .isEqualTo(new DealManagerReassigned("d-1", "sales", 3, "olena", "ivan", "anna"));
    }

    @Test
    void aStampNamesItsDealAndPipeline() {
        assertThatNullPointerException().isThrownBy(() -> new DealStamp(null, PipelineId.of("sales"), 1, "olena"));
        assertThatNullPointerException().isThrownBy(() -> new DealStamp(DealId.of("d-1"), null, 1, "olena"));
    }
}
