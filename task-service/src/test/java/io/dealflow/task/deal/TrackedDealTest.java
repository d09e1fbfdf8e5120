package io.dealflow.task.deal;

import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealTagged;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.deal.Direction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrackedDealTest {

    private final TrackedDeal opened = TrackedDeal.opened(new DealOpened("d-1", "sales", 1, "api", "Lathe for Kyiv",
            "olena", "new", Map.of(), List.of(), null, null, null));

    @Test
    void anOpenedDealIsOpenInItsFirstStageWithItsManager() {
        assertThat(opened).isEqualTo(new TrackedDeal("d-1", "sales", 1, "Lathe for Kyiv", "new", "olena", true));
    }

    @Test
    void aStageChangeMovesTheDealAndNamesItsPipelineVersion() {
        TrackedDeal moved = opened.after(new DealStageChanged("d-1", "sales", 2, "api", "new", "qualified",
                Direction.FORWARD, List.of(), null, "olena"));

        assertThat(moved).isEqualTo(new TrackedDeal("d-1", "sales", 2, "Lathe for Kyiv", "qualified", "olena", true));
    }

    @Test
    void aReassignmentChangesTheManagerOnly() {
        TrackedDeal reassigned = opened.after(new DealManagerReassigned("d-1", "sales", 1, "api", "olena", "taras"));

        assertThat(reassigned.managerId()).isEqualTo("taras");
        assertThat(reassigned.stageId()).isEqualTo("new");
        assertThat(reassigned.open()).isTrue();
    }

    @Test
    void wonOrLostClosesTheDealAndNothingAfterReopensIt() {
        TrackedDeal won = opened.after(new DealWon("d-1", "sales", 1, "api", "new", "olena"));
        TrackedDeal lost = opened.after(new DealLost("d-1", "sales", 1, "api", "new", "olena", "price", null));

        assertThat(won.open()).isFalse();
        assertThat(lost.open()).isFalse();
        assertThat(won.after(new DealTagged("d-1", "sales", 1, "api", "vip")).open()).isFalse();
    }

    @Test
    void anEventThatChangesNeitherStageNorManagerKeepsThemAndTakesItsVersion() {
        TrackedDeal tagged = opened.after(new DealTagged("d-1", "sales", 3, "api", "vip"));

        assertThat(tagged).isEqualTo(new TrackedDeal("d-1", "sales", 3, "Lathe for Kyiv", "new", "olena", true));
    }
}
