package io.dealflow.analytics.web;

import io.dealflow.analytics.pipeline.ReportRefusal.PipelineUnknown;
import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.NotFoundException;
import io.dealflow.platform.problem.ProblemDetailsAdvice;
import io.dealflow.platform.refusal.RefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsServiceProblemsTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(List.of(AnalyticsServiceProblems.TABLE));
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/analytics/funnel");

    /** Clients were answered with a NotFoundException before the refusal existed; the answer must not change. */
    @Test
    void anUnknownPipelineIsAnsweredExactlyAsBeforeItWasARefusal() {
        ResponseEntity<Object> refused = advice.handleRefused(new RefusedException(new PipelineUnknown("p1")),
                request);
        ResponseEntity<Object> before = advice.handleProblemException(new NotFoundException(
                ProblemTypes.PIPELINE_NOT_FOUND, "No pipeline 'p1' is known to analytics; check the id."), request);

        assertThat(refused.getStatusCode().value()).isEqualTo(404);
        assertThat(refused.getStatusCode()).isEqualTo(before.getStatusCode());
        assertThat(refused.getHeaders()).isEqualTo(before.getHeaders());
        assertThat(refused.getBody()).isEqualTo(before.getBody());
    }
}
