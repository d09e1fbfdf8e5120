package io.dealflow.platform.security;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Who sent a request, as its access token says: the subject, the OAuth client, the roles and the departments it acts
 * for. Built from a validated token only.
 *
 * @param clientId the client that sent the request, or null when the token does not say
 */
public record Caller(String subject, String clientId, Set<Role> roles, Departments departments) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(departments, "departments");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyOf(Collection<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
