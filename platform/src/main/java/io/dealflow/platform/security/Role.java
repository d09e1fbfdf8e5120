package io.dealflow.platform.security;

import io.dealflow.api.access.AccessClaims;

import java.util.Arrays;
import java.util.Optional;

/** The roles of DESIGN §6, as a token's {@code roles} claim names them. */
public enum Role {

    INTEGRATION(AccessClaims.ROLE_INTEGRATION),
    HEAD(AccessClaims.ROLE_HEAD),
    ADMIN(AccessClaims.ROLE_ADMIN),
    SERVICE(AccessClaims.ROLE_SERVICE);

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    /** A role a token names that Dealflow does not know grants nothing, so it is left out rather than refused. */
    public static Optional<Role> ofClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return claimValue;
    }
}
