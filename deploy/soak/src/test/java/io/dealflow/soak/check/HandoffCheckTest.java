package io.dealflow.soak.check;

import static io.dealflow.soak.check.SoakMother.handedOff;
import static io.dealflow.soak.check.SoakMother.lost;
import static io.dealflow.soak.check.SoakMother.opened;
import static io.dealflow.soak.check.SoakMother.won;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HandoffCheckTest {

    private static final Map<String, String> ROUTES = Map.of("sales", "contracts");
    private final HandoffCheck check = new HandoffCheck();

    @Test
    void aWonDealWithOneDealInTheNextPipelinePasses() {
        assertThat(check.check(History.of(List.of(opened("d1", "r", "proposal-sent", "olena"),
                won("d1", 1, "proposal-sent", "olena"), handedOff("c1", "contracts", "d1"))), ROUTES)).isEmpty();
    }

    @Test
    void aWonDealNeverHandedOffIsMissing() {
        assertThat(check.check(History.of(List.of(opened("d1", "r", "proposal-sent", "olena"),
                won("d1", 1, "proposal-sent", "olena"))), ROUTES))
                .extracting(Finding::kind).containsExactly("missing");
    }

    @Test
    void aWonDealHandedOffTwiceIsDuplicated() {
        assertThat(check.check(History.of(List.of(opened("d1", "r", "proposal-sent", "olena"),
                won("d1", 1, "proposal-sent", "olena"), handedOff("c1", "contracts", "d1"),
                handedOff("c2", "contracts", "d1"))), ROUTES))
                .extracting(Finding::kind).containsExactly("duplicated");
    }

    @Test
    void aHandoffIntoAnotherPipelineThanTheRouteDiffers() {
        assertThat(check.check(History.of(List.of(opened("d1", "r", "proposal-sent", "olena"),
                won("d1", 1, "proposal-sent", "olena"), handedOff("c1", "delivery", "d1"))), ROUTES))
                .extracting(Finding::kind).containsExactly("differs");
    }

    @Test
    void aLostDealThatWasHandedOffAnywayIsFound() {
        assertThat(check.check(History.of(List.of(opened("d1", "r", "proposal-sent", "olena"),
                lost("d1", 1, "proposal-sent", "olena", "price"), handedOff("c1", "contracts", "d1"))), ROUTES))
                .extracting(Finding::kind).containsExactly("duplicated");
    }
}
