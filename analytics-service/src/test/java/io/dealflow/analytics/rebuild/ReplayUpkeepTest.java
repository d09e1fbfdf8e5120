package io.dealflow.analytics.rebuild;

import io.dealflow.analytics.rebuild.ReplayUpkeep.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayUpkeepTest {

    @Test
    void analysesWheneverTheReplayedPartHasDoubledUntilThePlansHaveSettledThenOnlyFolds() {
        ReplayUpkeep upkeep = new ReplayUpkeep(0, 1000);

        assertThat(upkeep.after(999)).isEqualTo(Step.NONE);
        assertThat(upkeep.after(1000)).isEqualTo(Step.ANALYZE);
        assertThat(upkeep.after(1999)).isEqualTo(Step.NONE);
        assertThat(upkeep.after(2500)).isEqualTo(Step.ANALYZE);
        assertThat(upkeep.after(4999)).isEqualTo(Step.NONE);
        assertThat(upkeep.after(60_000)).isEqualTo(Step.ANALYZE);
        assertThat(upkeep.after(119_999)).isEqualTo(Step.NONE);
        assertThat(upkeep.after(120_000)).isEqualTo(Step.FOLD);
        assertThat(upkeep.after(200_000)).isEqualTo(Step.NONE);
        assertThat(upkeep.after(240_000)).isEqualTo(Step.FOLD);
    }

    @Test
    void theLastStretchOfAReplayStartsCountingFromWhatWasReplayedBefore() {
        ReplayUpkeep lastStretch = new ReplayUpkeep(500_000, 1000);

        assertThat(lastStretch.after(500_999)).isEqualTo(Step.NONE);
        assertThat(lastStretch.after(501_000)).isEqualTo(Step.FOLD);
    }
}
