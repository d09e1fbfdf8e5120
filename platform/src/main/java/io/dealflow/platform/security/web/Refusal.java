package io.dealflow.platform.security.web;

import io.dealflow.platform.problem.ForbiddenException;
import org.springframework.security.authorization.AuthorizationResult;

/** A denied access rule, carrying the problem that names what the caller lacks to the 403 handler. */
record Refusal(ForbiddenException problem) implements AuthorizationResult {

    @Override
    public boolean isGranted() {
        return false;
    }
}
