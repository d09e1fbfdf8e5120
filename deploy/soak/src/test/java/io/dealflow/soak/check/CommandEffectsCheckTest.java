package io.dealflow.soak.check;

import static io.dealflow.soak.check.SoakMother.command;
import static io.dealflow.soak.check.SoakMother.fields;
import static io.dealflow.soak.check.SoakMother.handedOff;
import static io.dealflow.soak.check.SoakMother.move;
import static io.dealflow.soak.check.SoakMother.moved;
import static io.dealflow.soak.check.SoakMother.open;
import static io.dealflow.soak.check.SoakMother.opened;
import static io.dealflow.soak.check.SoakMother.won;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dealflow.soak.ledger.CommandKind;
import io.dealflow.soak.ledger.Outcome;

class CommandEffectsCheckTest {

    private final CommandEffectsCheck check = new CommandEffectsCheck();

    @Test
    void everyAcceptedCommandWithItsOneEventPasses() {
        History history = History.of(List.of(opened("d1", "ref-1", "new-inquiry", "olena"), fields("d1", 1),
                moved("d1", 2, "needs-identified", "FORWARD", "olena"), won("d1", 3, "needs-identified", "olena"),
                handedOff("c1", "contracts", "d1")));

        assertThat(check.check(List.of(open("d1", "ref-1", Outcome.ACCEPTED),
                command(CommandKind.FIELDS, "d1", Outcome.ACCEPTED, 1L),
                move("d1", "needs-identified", Outcome.ACCEPTED, 2L),
                move("d1", "proposal", Outcome.REFUSED, null),
                command(CommandKind.WON, "d1", Outcome.ACCEPTED, 3L)), history)).isEmpty();
    }

    @Test
    void anAcceptedCommandWithoutItsEventIsMissing() {
        History history = History.of(List.of(opened("d1", "ref-1", "new-inquiry", "olena")));

        assertThat(check.check(List.of(open("d1", "ref-1", Outcome.ACCEPTED),
                move("d1", "needs-identified", Outcome.ACCEPTED, 1L)), history))
                .extracting(Finding::kind).containsExactly("missing");
    }

    @Test
    void anAcceptedCommandWhoseVersionHoldsAnotherEventIsMissing() {
        History history = History.of(List.of(opened("d1", "ref-1", "new-inquiry", "olena"), fields("d1", 1)));

        assertThat(check.check(List.of(open("d1", "ref-1", Outcome.ACCEPTED),
                move("d1", "needs-identified", Outcome.ACCEPTED, 1L)), history))
                .extracting(Finding::kind).contains("missing");
    }

    @Test
    void aCommandAppliedTwiceLeavesAnEventNoCommandExplains() {
        History history = History.of(List.of(opened("d1", "ref-1", "new-inquiry", "olena"),
                moved("d1", 1, "needs-identified", "FORWARD", "olena"),
                moved("d1", 2, "finance-legal-check", "FORWARD", "olena")));

        assertThat(check.check(List.of(open("d1", "ref-1", Outcome.ACCEPTED),
                move("d1", "needs-identified", Outcome.ACCEPTED, 1L)), history))
                .extracting(Finding::kind, Finding::subject).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "duplicated", "d1"));
    }

    @Test
    void anOpenRetriedIntoTwoDealsIsDuplicated() {
        History history = History.of(List.of(opened("d1", "ref-1", "new-inquiry", "olena"),
                opened("d2", "ref-1", "new-inquiry", "olena")));

        assertThat(check.check(List.of(open("d1", "ref-1", Outcome.ACCEPTED)), history))
                .extracting(Finding::kind).containsExactly("duplicated");
    }

    @Test
    void dealsHandedOffWithTheOriginsExternalRefAreNotSecondOpenings() {
        History history = History.of(List.of(opened("d1", "ref-1", "proposal-sent", "olena"),
                won("d1", 1, "proposal-sent", "olena"),
                new io.dealflow.soak.observe.DealEventRecord("c1", 0, "DealOpened", "contracts", 1,
                        "standard-contract-sent", null, "anna", null, "ref-1", "d1", SoakMother.T0)));

        assertThat(check.check(List.of(open("d1", "ref-1", Outcome.ACCEPTED),
                command(CommandKind.WON, "d1", Outcome.ACCEPTED, 1L)), history)).isEmpty();
    }

    @Test
    void aRefusedCommandThatLeftAnEventIsFound() {
        History history = History.of(List.of(opened("d1", "ref-1", "new-inquiry", "olena"),
                moved("d1", 1, "proposal", "FORWARD", "olena")));

        assertThat(check.check(List.of(open("d1", "ref-1", Outcome.ACCEPTED),
                move("d1", "proposal", Outcome.REFUSED, null)), history))
                .extracting(Finding::kind).containsExactly("duplicated");
    }

    @Test
    void aRefusedOpenThatOpenedADealIsFound() {
        History history = History.of(List.of(opened("d1", "ref-1", "new-inquiry", "olena")));

        assertThat(check.check(List.of(open(null, "ref-1", Outcome.REFUSED)), history))
                .extracting(Finding::kind).containsExactly("duplicated");
    }

    @Test
    void aCommandWithoutAFinalAnswerMayHaveLeftOneEventButNotTwo() {
        History once = History.of(List.of(opened("d1", "ref-1", "new-inquiry", "olena"),
                moved("d1", 1, "needs-identified", "FORWARD", "olena")));
        History twice = History.of(List.of(opened("d1", "ref-1", "new-inquiry", "olena"),
                moved("d1", 1, "needs-identified", "FORWARD", "olena"),
                moved("d1", 2, "needs-identified", "FORWARD", "olena")));
        List<io.dealflow.soak.ledger.LedgerEntry> ledger = List.of(open("d1", "ref-1", Outcome.ACCEPTED),
                move("d1", "needs-identified", Outcome.UNKNOWN, null));

        assertThat(check.check(ledger, once)).isEmpty();
        assertThat(check.check(ledger, twice)).extracting(Finding::kind).containsExactly("duplicated");
    }
}
