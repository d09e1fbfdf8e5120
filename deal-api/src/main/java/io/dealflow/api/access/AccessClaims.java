package io.dealflow.api.access;

import java.util.List;

/**
 * What a Dealflow access token carries (DESIGN §6). Any OAuth 2.0 issuer can make such tokens: a Keycloak realm, an
 * Entra ID app registration or Auth0 map these claims, nothing else about the token is Dealflow's own.
 */
public final class AccessClaims {

    /** Every service accepts only tokens whose {@code aud} names this. */
    public static final String AUDIENCE = "dealflow";

    /** An array of role names, see the constants below. */
    public static final String ROLES = "roles";

    /** An array of department ids, or the single value {@value #ALL_DEPARTMENTS}. */
    public static final String DEPARTMENTS = "departments";

    public static final String ALL_DEPARTMENTS = "*";

    /**
     * The client that sent the request: {@code client_id} (RFC 9068), else {@code azp} (Keycloak, Auth0, Entra ID v2).
     */
    public static final List<String> CLIENT_ID = List.of("client_id", "azp");

    /** Deal commands and reads, task commands and reads; may name the person it acts for in {@code X-Actor}. */
    public static final String ROLE_INTEGRATION = "integration";
    /** Reads analytics, task reports, the board, history and handoffs of its departments. */
    public static final String ROLE_HEAD = "head";
    /** Defines pipelines, rebuilds projections, retries handoffs, reads what a head reads. */
    public static final String ROLE_ADMIN = "admin";
    /** What task-service and handoff-service need of deal-service. */
    public static final String ROLE_SERVICE = "service";

    private AccessClaims() {
    }
}
