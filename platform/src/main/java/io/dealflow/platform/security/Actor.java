package io.dealflow.platform.security;

import java.util.Objects;

/**
 * Who acted, as events record it: the person ({@code actor}) and the OAuth client that sent the request
 * ({@code clientId}, null for what a service does by itself).
 */
public record Actor(String person, String clientId) {

    public Actor {
        Objects.requireNonNull(person, "person");
    }

    /** An automatic action of a service, e.g. {@code system:task-service}: no client sent it. */
    public static Actor system(String name) {
        return new Actor(name, null);
    }
}
