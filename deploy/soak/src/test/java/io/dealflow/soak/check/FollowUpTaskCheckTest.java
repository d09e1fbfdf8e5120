package io.dealflow.soak.check;

import static io.dealflow.soak.check.SoakMother.complete;
import static io.dealflow.soak.check.SoakMother.move;
import static io.dealflow.soak.check.SoakMother.moved;
import static io.dealflow.soak.check.SoakMother.open;
import static io.dealflow.soak.check.SoakMother.opened;
import static io.dealflow.soak.check.SoakMother.won;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.dealflow.soak.ledger.LedgerEntry;
import io.dealflow.soak.ledger.Outcome;

class FollowUpTaskCheckTest {

    private final FollowUpTaskCheck check = new FollowUpTaskCheck();
    private final History movedOnce = History.of(List.of(opened("d1", "ref-1", "new-inquiry", "olena"),
            moved("d1", 1, "needs-identified", "FORWARD", "olena")));
    private final List<LedgerEntry> ledger = List.of(open("d1", "ref-1", Outcome.ACCEPTED),
            move("d1", "needs-identified", Outcome.ACCEPTED, 1L));

    @Test
    void anImportedOpenDealHasOneStageTaskInItsCurrentStageWhateverItsHistory() {
        assertThat(check.check(movedOnce, List.of(), List.of(
                new TaskRow("t1", "d1", "needs-identified", "STAGE", "OPEN")), Set.of("d1"))).isEmpty();
        // settled once, on the history's last event: a task for a stage it left long ago is one too many
        assertThat(check.check(movedOnce, List.of(), List.of(
                new TaskRow("t1", "d1", "new-inquiry", "STAGE", "CANCELLED"),
                new TaskRow("t2", "d1", "needs-identified", "STAGE", "OPEN")), Set.of("d1")))
                .extracting(Finding::kind).containsExactly("duplicated");
        assertThat(check.check(movedOnce, List.of(), List.of(
                new TaskRow("t1", "d1", "new-inquiry", "STAGE", "CANCELLED"),
                new TaskRow("t2", "d1", "needs-identified", "STAGE", "OPEN"),
                new TaskRow("t3", "d1", "needs-identified", "STAGE", "OPEN")), Set.of("d1")))
                .extracting(Finding::kind).contains("duplicated");
        assertThat(check.check(movedOnce, List.of(), List.of(
                new TaskRow("t1", "d1", "needs-identified", "STAGE", "OPEN"),
                new TaskRow("t2", "d1", "needs-identified", "STAGE", "OPEN")), Set.of("d1")))
                .extracting(Finding::kind).containsOnly("duplicated");
        assertThat(check.check(movedOnce, List.of(), List.of(), Set.of("d1")))
                .extracting(Finding::kind).contains("missing");
    }

    @Test
    void anImportedClosedDealHasNoTask() {
        History lost = History.of(List.of(opened("d1", "ref-1", "new-inquiry", "olena"),
                SoakMother.lost("d1", 1, "new-inquiry", "olena", "price")));
        assertThat(check.check(lost, List.of(), List.of(), Set.of("d1"))).isEmpty();
        assertThat(check.check(lost, List.of(), List.of(new TaskRow("t1", "d1", "new-inquiry", "STAGE", "OPEN")),
                Set.of("d1"))).isNotEmpty();
    }

    @Test
    void oneStageTaskPerEntryAndOneOpenInTheCurrentStagePasses() {
        assertThat(check.check(movedOnce, ledger, List.of(
                new TaskRow("t1", "d1", "new-inquiry", "STAGE", "CANCELLED"),
                new TaskRow("t2", "d1", "needs-identified", "STAGE", "OPEN")))).isEmpty();
    }

    @Test
    void aStageEntryAppliedTwiceOpensASecondStageTask() {
        assertThat(check.check(movedOnce, ledger, List.of(
                new TaskRow("t1", "d1", "new-inquiry", "STAGE", "CANCELLED"),
                new TaskRow("t2", "d1", "needs-identified", "STAGE", "OPEN"),
                new TaskRow("t3", "d1", "needs-identified", "STAGE", "OPEN"))))
                .extracting(Finding::kind).containsOnly("duplicated");
    }

    @Test
    void aStageEntryNeverAppliedLeavesTheDealWithoutItsTask() {
        assertThat(check.check(movedOnce, ledger, List.of(
                new TaskRow("t1", "d1", "new-inquiry", "STAGE", "OPEN"))))
                .extracting(Finding::kind).contains("missing", "differs");
    }

    @Test
    void aCompletedStageTaskLeavesTheNextTaskItNamedAndNoStageTask() {
        List<LedgerEntry> completed = List.of(ledger.get(0), ledger.get(1), complete("d1", "needs-identified"));

        assertThat(check.check(movedOnce, completed, List.of(
                new TaskRow("t1", "d1", "new-inquiry", "STAGE", "CANCELLED"),
                new TaskRow("t2", "d1", "needs-identified", "STAGE", "DONE"),
                new TaskRow("t3", "d1", "needs-identified", "MANUAL", "OPEN")))).isEmpty();
        assertThat(check.check(movedOnce, completed, List.of(
                new TaskRow("t1", "d1", "new-inquiry", "STAGE", "CANCELLED"),
                new TaskRow("t2", "d1", "needs-identified", "STAGE", "DONE"))))
                .extracting(Finding::kind).containsExactly("missing");
    }

    @Test
    void aClosedDealWithAnOpenTaskIsFound() {
        History closed = History.of(List.of(opened("d1", "ref-1", "new-inquiry", "olena"),
                won("d1", 1, "new-inquiry", "olena")));

        assertThat(check.check(closed, List.of(open("d1", "ref-1", Outcome.ACCEPTED)), List.of(
                new TaskRow("t1", "d1", "new-inquiry", "STAGE", "OPEN"))))
                .extracting(Finding::kind).containsExactly("differs");
    }
}
