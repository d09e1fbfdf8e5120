package io.dealflow.handoff.route;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiverTest {

    private final AtomicLong turns = new AtomicLong();
    private final LongSupplier nextTurn = turns::getAndIncrement;

    @Test
    void aFixedReceiverGetsEveryDealAndTakesNoTurn() {
        Receiver fixed = new Receiver(Receiver.Mode.FIXED, "accountant-1", List.of("someone-else"));

        assertThat(fixed.pick(nextTurn)).contains("accountant-1");
        assertThat(fixed.pick(nextTurn)).contains("accountant-1");
        assertThat(turns).hasValue(0);
    }

    @Test
    void aFixedReceiverWithNobodyNamedPicksNobody() {
        assertThat(new Receiver(Receiver.Mode.FIXED, null, List.of()).pick(nextTurn)).isEmpty();
        assertThat(new Receiver(Receiver.Mode.FIXED, " ", List.of()).pick(nextTurn)).isEmpty();
    }

    @Test
    void theMembersOfTheReceivingDepartmentTakeDealsInTurnAndStartOverAfterTheLast() {
        Receiver department = Receiver.roundRobin(List.of("lawyer-anna", "lawyer-bohdan", "lawyer-vira"));

        assertThat(List.of(department.pick(nextTurn).orElseThrow(), department.pick(nextTurn).orElseThrow(),
                department.pick(nextTurn).orElseThrow(), department.pick(nextTurn).orElseThrow()))
                .containsExactly("lawyer-anna", "lawyer-bohdan", "lawyer-vira", "lawyer-anna");
    }

    @Test
    void aDepartmentWithoutMembersPicksNobodyAndTakesNoTurn() {
        assertThat(Receiver.roundRobin(List.of()).pick(nextTurn)).isEmpty();
        assertThat(turns).hasValue(0);
    }

    @Test
    void theTurnSharedAcrossInstancesDecidesWhoseItIs() {
        Receiver department = Receiver.roundRobin(List.of("lawyer-anna", "lawyer-bohdan"));

        assertThat(department.pick(() -> 7)).contains("lawyer-bohdan");
    }
}
