package io.dealflow.soak.check;

import static io.dealflow.soak.check.SoakMother.fields;
import static io.dealflow.soak.check.SoakMother.moved;
import static io.dealflow.soak.check.SoakMother.opened;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dealflow.soak.observe.DealEventRecord;

class TopicCheckTest {

    private final TopicCheck check = new TopicCheck();
    private final DealEventRecord open = opened("d1", "ref-1", "new-inquiry", "olena");
    private final DealEventRecord update = fields("d1", 1);
    private final DealEventRecord move = moved("d1", 2, "needs-identified", "FORWARD", "olena");
    private final History history = History.of(List.of(open, update, move));

    @Test
    void everyStoredEventOnTheTopicInOrderPassesAndARedeliveredCopyIsOnlyCounted() {
        TopicCheck.Result result = check.check(history, List.of(open, update, move, update, move));

        assertThat(result.findings()).isEmpty();
        assertThat(result.redelivered()).isEqualTo(2);
        assertThat(TopicCheck.firstCopies(List.of(open, update, move, update, move)))
                .containsExactly(open, update, move);
    }

    @Test
    void aStoredEventThatNeverReachedTheTopicIsMissing() {
        assertThat(check.check(history, List.of(open, move)).findings())
                .extracting(Finding::kind).containsExactly("missing");
    }

    @Test
    void firstCopiesOutOfSequenceOrderAreFound() {
        assertThat(check.check(history, List.of(open, move, update)).findings())
                .extracting(Finding::kind).containsExactly("out-of-order");
    }

    @Test
    void aTopicRecordTheStoreDoesNotHaveIsFound() {
        DealEventRecord phantom = moved("d1", 3, "proposal", "FORWARD", "olena");

        assertThat(check.check(history, List.of(open, update, move, phantom)).findings())
                .extracting(Finding::kind).containsExactly("duplicated");
    }

    @Test
    void aTopicRecordOfAnotherTypeThanTheStoredOneDiffers() {
        DealEventRecord other = moved("d1", 1, "needs-identified", "FORWARD", "olena");

        assertThat(check.check(history, List.of(open, other, move)).findings())
                .extracting(Finding::kind).containsExactly("differs");
    }
}
