package io.dealflow.task.overdue;

import io.dealflow.api.ProblemTypes;
import io.dealflow.dealclient.RemoteDeal;
import io.dealflow.platform.web.client.CallOutcome;
import io.dealflow.platform.web.client.RemoteProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StaleCloseOutcomeTest {

    private static RemoteProblem problem(int status, String type) {
        return new RemoteProblem(status, type, "d", null);
    }

    @Test
    void anAcceptedLossClosedTheDeal() {
        assertThat(StaleCloseOutcome.of(new CallOutcome.Accepted<>(200,
                new RemoteDeal("d-1", "sales", "LOST", 4, List.of())))).isEqualTo(StaleCloseOutcome.CLOSED);
    }

    @Test
    void aDealClosedMeanwhileIsSettledAsAlreadyClosed() {
        assertThat(StaleCloseOutcome.of(new CallOutcome.Refused<>(problem(422, ProblemTypes.DEAL_CLOSED))))
                .isEqualTo(StaleCloseOutcome.ALREADY_CLOSED);
    }

    @Test
    void anOutageOrARaceWaitsForTheNextScan() {
        assertThat(StaleCloseOutcome.of(new CallOutcome.Unavailable<>(RemoteProblem.unreachable("deal-service", "x"))))
                .isEqualTo(StaleCloseOutcome.RETRY_LATER);
        assertThat(StaleCloseOutcome.of(new CallOutcome.Conflict<>(problem(409, ProblemTypes.VERSION_CONFLICT))))
                .isEqualTo(StaleCloseOutcome.RETRY_LATER);
        assertThat(StaleCloseOutcome.RETRY_LATER.settled()).isFalse();
    }

    @Test
    void anyOtherRefusalIsSettledAndSaysWhy() {
        StaleCloseOutcome refused = StaleCloseOutcome.of(new CallOutcome.Refused<>(
                problem(422, ProblemTypes.UNKNOWN_LOSS_REASON)));
        assertThat(refused.kind()).isEqualTo(StaleCloseOutcome.Kind.REFUSED);
        assertThat(refused.refusal()).contains("unknown-loss-reason");
        assertThat(refused.settled()).isTrue();
        assertThat(StaleCloseOutcome.of(new CallOutcome.NotFound<>(problem(404, ProblemTypes.DEAL_NOT_FOUND))).kind())
                .isEqualTo(StaleCloseOutcome.Kind.REFUSED);
    }
}
