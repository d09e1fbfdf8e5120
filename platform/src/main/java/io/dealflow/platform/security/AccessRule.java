package io.dealflow.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One endpoint of a service and who may call it: any of {@code roles}, within the departments its {@code scopes}
 * name. {@code path} is the handler's mapping as written, e.g. {@code /api/v1/deals/{dealId}/stage}.
 */
public record AccessRule(String method, String path, Set<Role> roles, List<Scope> scopes) {

    public AccessRule {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException(method + " " + path + " names no role: an endpoint nobody may call"
                    + " is an endpoint to remove");
        }
        roles = Set.copyOf(roles);
        scopes = List.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException(method + " " + path + " names no scope: say which departments it"
                    + " serves, or Scope.everything()");
        }
    }

    public static Builder on(String method, String path) {
        return new Builder(method, path);
    }

    /** The endpoint as a handler mapping names it: {@code GET /api/v1/deals/{dealId}}. */
    public String endpoint() {
        return method + " " + path;
    }

    /** {@code AccessRule.on("GET", "/api/v1/deals").allow(HEAD, ADMIN).in(Scope.listing())}. */
    public static final class Builder {

        private final String method;
        private final String path;
        private Set<Role> roles = Set.of();

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Builder allow(Role first, Role... more) {
            this.roles = EnumSet.of(first, more);
            return this;
        }

        public AccessRule in(Scope... scopes) {
            return new AccessRule(method, path, roles, List.of(scopes));
        }
    }
}
