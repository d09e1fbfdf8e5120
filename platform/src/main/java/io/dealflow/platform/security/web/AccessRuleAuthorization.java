package io.dealflow.platform.security.web;

import io.dealflow.platform.security.AccessPolicy;
import io.dealflow.platform.security.AccessRule;
import io.dealflow.platform.security.Scope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Enforces one {@link AccessRule} before the handler: the role, and the department of whatever the path or query
 * names. A request without a valid token is denied here too, which Spring turns into the 401 challenge.
 */
final class AccessRuleAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision UNAUTHENTICATED = new AuthorizationDecision(false);
    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

    private final AccessRule rule;

    AccessRuleAuthorization(AccessRule rule) {
        this.rule = rule;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext request) {
        if (!(authentication.get() instanceof CallerAuthentication caller)) {
            return UNAUTHENTICATED;
        }
        return AccessPolicy.refusal(rule, caller.caller(), () -> ownersOf(request))
                .<AuthorizationResult>map(Refusal::new).orElse(GRANTED);
    }

    private List<Set<String>> ownersOf(RequestAuthorizationContext request) {
        List<Set<String>> owners = new ArrayList<>();
        for (Scope scope : rule.scopes()) {
            if (scope instanceof Scope.PathVariable path) {
                String id = request.getVariables().get(path.name());
                if (id != null) {
                    owners.add(path.lookup().departmentsOf(id));
                }
            } else if (scope instanceof Scope.QueryParameter query) {
                String id = request.getRequest().getParameter(query.name());
                if (id != null && !id.isBlank()) {
                    owners.add(query.lookup().departmentsOf(id));
                }
            }
        }
        return owners;
    }

    /**
     * Every request no rule matched. One that reaches a handler is refused to any caller, so an endpoint without a
     * rule is never open; one that reaches none goes on to Spring MVC's own 404 or 405 (for a caller with a token).
     */
    static AuthorizationManager<RequestAuthorizationContext> noRule(RequestMappingHandlerMapping handlers) {
        return (authentication, context) -> {
            if (!(authentication.get() instanceof CallerAuthentication)) {
                return UNAUTHENTICATED;
            }
            HttpServletRequest request = context.getRequest();
            return reachesHandler(handlers, request)
                    ? new Refusal(AccessPolicy.noRule(request.getMethod(), request.getRequestURI()))
                    : GRANTED;
        };
    }

    private static boolean reachesHandler(RequestMappingHandlerMapping handlers, HttpServletRequest request) {
        try {
            return handlers.getHandler(request) != null;
        } catch (Exception noHandlerForThisMethodOrType) {
            // e.g. HttpRequestMethodNotSupportedException: Spring MVC answers it (405, 415) without any handler
            return false;
        }
    }
}
