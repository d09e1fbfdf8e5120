package io.dealflow.soak.check;

import static io.dealflow.soak.check.SoakMother.moved;
import static io.dealflow.soak.check.SoakMother.opened;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dealflow.soak.traffic.HistoryImports;

class ImportCheckTest {

    private final ImportCheck check = new ImportCheck();
    /** d1 brings two events, d2 two */
    private final HistoryImports.File file = new HistoryImports.File(0, "", Map.of("d1", 2, "d2", 2), "LOST", "DONE",
            1, 1, 0, null);

    @Test
    void aDealWithAllItsEventsOrNoneIsWholeOrAbsent() {
        History history = History.of(List.of(opened("d1", "r1", "s1", "m"), moved("d1", 1, "s2", "FORWARD", "m")));

        assertThat(check.wholeOrAbsent(List.of(file), history)).isEmpty();
    }

    @Test
    void aDealWithSomeOfItsEventsIsPartial() {
        History history = History.of(List.of(opened("d1", "r1", "s1", "m")));

        assertThat(check.wholeOrAbsent(List.of(file), history)).extracting(Finding::kind).containsExactly("partial");
    }

    @Test
    void afterTheSecondRoundEveryDealMustHaveExactlyItsEvents() {
        History whole = History.of(List.of(opened("d1", "r1", "s1", "m"), moved("d1", 1, "s2", "FORWARD", "m"),
                opened("d2", "r2", "s1", "m"), moved("d2", 1, "s2", "FORWARD", "m")));
        History oneMissing = History.of(List.of(opened("d1", "r1", "s1", "m"), moved("d1", 1, "s2", "FORWARD", "m")));

        assertThat(check.complete(List.of(file), whole)).isEmpty();
        assertThat(check.complete(List.of(file), oneMissing)).extracting(Finding::subject).containsExactly("d2");
        assertThat(check.complete(List.of(new HistoryImports.File(0, "", Map.of(), "LOST", "LOST", 0, 0, 0, null)), whole))
                .extracting(Finding::kind).containsExactly("missing");
        assertThat(check.complete(List.of(new HistoryImports.File(0, "", Map.of(), "DONE", "DONE", 0, 0, 3,
                "required-fields-missing at line 2")), whole)).extracting(Finding::kind).containsExactly("differs");
    }
}
