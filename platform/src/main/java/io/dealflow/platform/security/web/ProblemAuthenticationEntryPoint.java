package io.dealflow.platform.security.web;

import io.dealflow.api.ProblemTypes;
import io.dealflow.api.access.AccessClaims;
import io.dealflow.platform.problem.Problems;
import io.dealflow.platform.web.ProblemResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/**
 * 401 for a request without a usable token: Spring's {@code WWW-Authenticate: Bearer …} challenge (RFC 6750, with
 * the error for a bad token) and a problem+json body saying what to send.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final ProblemResponseWriter problems;

    ProblemAuthenticationEntryPoint(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        challenge.commence(request, response, failure);
        problems.write(request, response, problemFor(failure));
    }

    private static ProblemDetail problemFor(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException invalid) {
            String description = invalid.getError().getDescription();
            return Problems.of(401, ProblemTypes.INVALID_TOKEN, "The bearer token was not accepted"
                    + (description == null ? "" : ": " + description) + ". Get a new token from the issuer.");
        }
        return Problems.of(401, ProblemTypes.AUTHENTICATION_REQUIRED, "Send an OAuth 2.0 access token for audience '"
                + AccessClaims.AUDIENCE + "' as 'Authorization: Bearer <token>'.");
    }
}
