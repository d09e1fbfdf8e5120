package io.dealflow.soak.check;

import static io.dealflow.soak.check.SoakMother.lost;
import static io.dealflow.soak.check.SoakMother.moved;
import static io.dealflow.soak.check.SoakMother.opened;
import static io.dealflow.soak.check.SoakMother.won;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.dealflow.soak.observe.DealEventRecord;

class AnalyticsCheckTest {

    private final AnalyticsCheck check = new AnalyticsCheck();
    /** d1 forward, back, forward again, then won; d2 lost in its first stage; d3 still open. */
    private final List<DealEventRecord> events = List.of(
            opened("d1", "r1", "new-inquiry", "olena"),
            moved("d1", 1, "needs-identified", "FORWARD", "olena"),
            moved("d1", 2, "new-inquiry", "BACKWARD", "olena"),
            moved("d1", 3, "needs-identified", "FORWARD", "taras"),
            won("d1", 4, "needs-identified", "taras"),
            opened("d2", "r2", "new-inquiry", "iryna"),
            lost("d2", 1, "new-inquiry", "iryna", "price"),
            opened("d3", "r3", "new-inquiry", "olena"));

    @Test
    void theRecomputationFollowsTheDefinitionsOfDocsAnalytics() {
        Reports reports = Reports.recompute("sales", Visit.of(events));

        // d1 counts once in new-inquiry, for the manager of its latest visit there (taras ended it)
        assertThat(reports.conversion()).containsExactlyInAnyOrder(
                new Reports.ConversionRow("taras", 1, "new-inquiry", 1, 1, 0, 0),
                new Reports.ConversionRow("taras", 1, "needs-identified", 1, 1, 0, 0),
                new Reports.ConversionRow("iryna", 1, "new-inquiry", 1, 0, 1, 0),
                new Reports.ConversionRow("olena", 1, "new-inquiry", 1, 0, 0, 1));
        assertThat(reports.lossReasons()).containsExactly(new Reports.LossRow(1, "new-inquiry", "price", 1));
        assertThat(reports.funnel()).containsExactly(new Reports.FunnelRow(1, "new-inquiry", 1));
    }

    @Test
    void reportsEqualToTheRecomputationPass() {
        Reports reports = Reports.recompute("sales", Visit.of(events));

        assertThat(check.check("sales", reports, Reports.recompute("sales", Visit.of(events)))).isEmpty();
    }

    @Test
    void aDealCountedTwiceInAnalyticsDiffers() {
        Reports recomputed = Reports.recompute("sales", Visit.of(events));
        Reports doubled = new Reports(recomputed.conversion(), Set.of(new Reports.LossRow(1, "new-inquiry", "price",
                2)), Set.of(new Reports.FunnelRow(1, "new-inquiry", 2)));

        assertThat(check.check("sales", recomputed, doubled)).extracting(Finding::subject)
                .containsExactlyInAnyOrder("sales loss-reasons", "sales loss-reasons", "sales funnel", "sales funnel");
    }

    @Test
    void aRowAnalyticsLeftOutDiffers() {
        Reports recomputed = Reports.recompute("sales", Visit.of(events));
        Reports without = new Reports(Set.of(), recomputed.lossReasons(), recomputed.funnel());

        assertThat(check.check("sales", recomputed, without)).hasSize(4)
                .extracting(Finding::subject).containsOnly("sales conversion");
    }
}
