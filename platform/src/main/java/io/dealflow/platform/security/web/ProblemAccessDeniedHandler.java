package io.dealflow.platform.security.web;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.Problems;
import io.dealflow.platform.web.ProblemResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 403 problem+json naming the role or department the token lacks, as the access rule's refusal says. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemResponseWriter problems;

    ProblemAccessDeniedHandler(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (denied instanceof AuthorizationDeniedException decided
                && decided.getAuthorizationResult() instanceof Refusal refusal) {
            problems.write(request, response, Problems.of(refusal.problem()));
        } else {
            problems.write(request, response, Problems.of(403, ProblemTypes.ROLE_REQUIRED,
                    "This token may not " + request.getMethod() + " " + request.getRequestURI() + "."));
        }
    }
}
