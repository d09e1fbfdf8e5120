package io.dealflow.platform.security;

import io.dealflow.api.DealflowHeaders;
import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.ForbiddenException;
import io.dealflow.platform.problem.InvalidInputException;

import java.util.Map;

/**
 * Who an event names as its actor (DESIGN §6): the token's subject, or the person an {@code integration} client says
 * it acts for in {@code X-Actor}. A header alone never names anyone: from any other caller it is refused, so that a
 * client learns at once that the name it sent would not be recorded.
 */
public final class ActorRules {

    /** As long as any id the API accepts. */
    public static final int MAX_LENGTH = 100;

    private ActorRules() {
    }

    /** @param namedPerson the {@code X-Actor} header, or null when the request has none */
    public static Actor actorOf(Caller caller, String namedPerson) {
        if (namedPerson == null || namedPerson.isBlank()) {
            return new Actor(caller.subject(), caller.clientId());
        }
        if (!caller.has(Role.INTEGRATION)) {
            throw new ForbiddenException(ProblemTypes.ACTOR_NOT_ALLOWED, "Only a client with role "
                    + Role.INTEGRATION + " may name the person it acts for in " + DealflowHeaders.ACTOR
                    + "; without the header the actor is this token's subject '" + caller.subject() + "'.",
                    Map.of("requiredRole", Role.INTEGRATION.claimValue()));
        }
        String person = namedPerson.trim();
        if (person.length() > MAX_LENGTH) {
            throw InvalidInputException.of(DealflowHeaders.ACTOR, "must be at most " + MAX_LENGTH + " characters");
        }
        return new Actor(person, caller.clientId());
    }
}
