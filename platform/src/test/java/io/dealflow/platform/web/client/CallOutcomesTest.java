package io.dealflow.platform.web.client;

import io.dealflow.api.ProblemTypes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CallOutcomesTest {

    private static CallOutcome<String> answer(int status, String problemType) {
        String body = problemType == null ? "" : "{\"type\":\"" + ProblemTypes.uri(problemType) + "\",\"detail\":\"d\","
                + "\"missingFields\":[\"phone\"]}";
        return CallOutcomes.of(status, () -> RemoteProblem.parse(status, body.getBytes(StandardCharsets.UTF_8)),
                () -> "the body");
    }

    @Test
    void aSuccessIsAcceptedWithItsBody() {
        assertThat(answer(200, null)).isEqualTo(new CallOutcome.Accepted<>(200, "the body"));
        assertThat(answer(201, null)).isEqualTo(new CallOutcome.Accepted<>(201, "the body"));
    }

    @Test
    void a202IsNoAnswerYetAndWorthAskingAgain() {
        assertThat(answer(202, null)).isInstanceOf(CallOutcome.Unavailable.class);
        assertThat(answer(202, null).retryable()).isTrue();
    }

    @Test
    void aRuleRefusalStandsAndNamesItsType() {
        CallOutcome<String> refused = answer(422, ProblemTypes.REQUIRED_FIELDS_MISSING);
        assertThat(refused).isInstanceOf(CallOutcome.Refused.class);
        assertThat(refused.retryable()).isFalse();
        RemoteProblem problem = ((CallOutcome.Refused<String>) refused).problem();
        assertThat(problem.type()).isEqualTo(ProblemTypes.REQUIRED_FIELDS_MISSING);
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.properties()).containsKey("missingFields").doesNotContainKeys("type", "detail");
        assertThat(answer(400, ProblemTypes.INVALID_REQUEST)).isInstanceOf(CallOutcome.Refused.class);
        assertThat(answer(403, ProblemTypes.DEPARTMENT_NOT_ALLOWED)).isInstanceOf(CallOutcome.Refused.class);
        assertThat(answer(412, ProblemTypes.PRECONDITION_FAILED)).isInstanceOf(CallOutcome.Refused.class);
    }

    @Test
    void a404IsNotFound() {
        assertThat(answer(404, ProblemTypes.DEAL_NOT_FOUND)).isInstanceOf(CallOutcome.NotFound.class);
        assertThat(answer(404, ProblemTypes.DEAL_NOT_FOUND).retryable()).isFalse();
    }

    @Test
    void aRacingConflictIsRetryableAndAnyOther409Stands() {
        assertThat(answer(409, ProblemTypes.VERSION_CONFLICT)).isInstanceOf(CallOutcome.Conflict.class);
        assertThat(answer(409, ProblemTypes.IDEMPOTENCY_KEY_IN_FLIGHT)).isInstanceOf(CallOutcome.Conflict.class);
        assertThat(answer(409, ProblemTypes.DEAL_NOT_YET_KNOWN)).isInstanceOf(CallOutcome.Conflict.class);
        assertThat(answer(409, ProblemTypes.VERSION_CONFLICT).retryable()).isTrue();
        assertThat(answer(409, ProblemTypes.IDEMPOTENCY_KEY_REUSED)).isInstanceOf(CallOutcome.Refused.class);
        assertThat(answer(409, ProblemTypes.DEAL_ID_TAKEN)).isInstanceOf(CallOutcome.Refused.class);
    }

    @Test
    void anOutageIsUnavailable() {
        for (int status : new int[] {401, 408, 429, 500, 502, 503, 504}) {
            assertThat(answer(status, ProblemTypes.SERVICE_UNAVAILABLE)).as("status " + status)
                    .isInstanceOf(CallOutcome.Unavailable.class);
        }
    }

    @Test
    void anAnswerThatIsNotAProblemKeepsWhatThePeerSaid() {
        RemoteProblem problem = RemoteProblem.parse(502, "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8));
        assertThat(problem.type()).isEqualTo(RemoteProblem.UNREADABLE);
        assertThat(problem.detail()).contains("Bad gateway");
        assertThat(RemoteProblem.unreachable("deal-service", "refused").asMap())
                .containsEntry("type", "deal-service-unreachable").containsEntry("status", 0);
    }
}
