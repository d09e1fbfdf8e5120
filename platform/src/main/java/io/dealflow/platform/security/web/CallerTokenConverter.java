package io.dealflow.platform.security.web;

import io.dealflow.api.access.AccessClaims;
import io.dealflow.platform.security.Caller;
import io.dealflow.platform.security.Departments;
import io.dealflow.platform.security.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the caller from a validated token's claims (DESIGN §6): {@code sub}, the client ({@code client_id} or
 * {@code azp}), {@code roles} and {@code departments}. Roles become {@code ROLE_<role>} authorities as well, for
 * anything in Spring that looks for them.
 */
final class CallerTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Caller caller = callerOf(jwt);
        List<GrantedAuthority> authorities = caller.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.claimValue()))
                .toList();
        return new CallerAuthentication(jwt, authorities, caller);
    }

    static Caller callerOf(Jwt jwt) {
        String clientId = AccessClaims.CLIENT_ID.stream().map(jwt::getClaimAsString)
                .filter(value -> value != null && !value.isBlank()).findFirst().orElse(null);
        // client-credentials tokens of some issuers leave sub out; the client is then who acts
        String subject = jwt.getSubject() != null ? jwt.getSubject() : clientId;
        if (subject == null) {
            throw new InvalidBearerTokenException("The token names no subject (sub) and no client (client_id, azp)");
        }
        return new Caller(subject, clientId, rolesOf(jwt.getClaim(AccessClaims.ROLES)),
                Departments.fromClaim(jwt.getClaim(AccessClaims.DEPARTMENTS)));
    }

    /** An array of role names, or one string of space-separated names (as some issuers send scopes). */
    private static Set<Role> rolesOf(Object claim) {
        Collection<?> names = claim instanceof Collection<?> many ? many
                : claim instanceof String single ? List.of(single.split("\\s+")) : List.of();
        return names.stream().filter(String.class::isInstance).map(String.class::cast)
                .map(Role::ofClaim).flatMap(Optional::stream).collect(Collectors.toSet());
    }
}
