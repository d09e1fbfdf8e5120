package io.dealflow.soak.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FaultPlanTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void theDefaultRunKillsEveryServiceInTurnBetweenBrokerAndDatabaseFaults() {
        List<PlannedFault> plan = FaultPlan.plan(TEN_MINUTES, 12, false, 1);

        assertThat(plan).hasSize(12);
        assertThat(plan).filteredOn(fault -> fault.kind() == FaultKind.KILL_SERVICE).extracting(PlannedFault::target)
                .containsAll(FaultPlan.SERVICES);
        assertThat(plan).extracting(PlannedFault::kind).contains(FaultKind.KAFKA_RESTART, FaultKind.PG_CONNECTIONS)
                .doesNotContain(FaultKind.PG_RESTART);
    }

    @Test
    void faultsFallInsideTheTrafficAfterACalmStartAndBeforeTheEndInOrder() {
        List<PlannedFault> plan = FaultPlan.plan(TEN_MINUTES, 12, false, 7);

        assertThat(plan).extracting(PlannedFault::after).allSatisfy(after -> assertThat(after)
                .isBetween(Duration.ofMinutes(1), Duration.ofMinutes(9)));
        assertThat(plan).extracting(PlannedFault::after).isSorted();
    }

    @Test
    void aRealPostgresRestartOnlyWhenAskedFor() {
        assertThat(FaultPlan.plan(TEN_MINUTES, 12, true, 1)).extracting(PlannedFault::kind)
                .contains(FaultKind.PG_RESTART, FaultKind.PG_CONNECTIONS);
    }

    @Test
    void theShortRunOfCiHasAKillABrokerRestartAndKilledConnections() {
        assertThat(FaultPlan.plan(Duration.ofMinutes(2), 4, false, 1)).extracting(PlannedFault::kind)
                .containsExactly(FaultKind.KILL_SERVICE, FaultKind.KAFKA_RESTART, FaultKind.KILL_SERVICE,
                        FaultKind.PG_CONNECTIONS);
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> FaultPlan.plan(TEN_MINUTES, -1, false, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FaultPlan.plan(TEN_MINUTES, 0, false, 1)).isEmpty();
    }
}
