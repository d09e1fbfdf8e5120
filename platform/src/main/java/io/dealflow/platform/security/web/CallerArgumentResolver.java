package io.dealflow.platform.security.web;

import io.dealflow.api.DealflowHeaders;
import io.dealflow.platform.security.Actor;
import io.dealflow.platform.security.ActorRules;
import io.dealflow.platform.security.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a handler the {@link Caller} of the request, or the {@link Actor} its events record (the token's subject, or
 * the person an integration client names in {@code X-Actor}), so that no controller reads the header itself.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class || parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Caller caller = currentCaller();
        if (parameter.getParameterType() == Caller.class) {
            return caller;
        }
        return ActorRules.actorOf(caller, request.getHeader(DealflowHeaders.ACTOR));
    }

    /** Every API path is authenticated by the filter chain; a handler reached without a caller is a wiring bug. */
    private static Caller currentCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication caller) {
            return caller.caller();
        }
        throw new IllegalStateException("No Dealflow caller for this request: is its path missing from the access"
                + " table?");
    }
}
