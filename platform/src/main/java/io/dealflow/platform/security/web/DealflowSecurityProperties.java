package io.dealflow.platform.security.web;

import io.dealflow.api.access.AccessClaims;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which issuer's tokens a service accepts, and, for a service that calls another, its own client.
 *
 * @param issuerUri the issuer every token must name ({@code DEALFLOW_OAUTH_ISSUER_URI}); its discovery document
 *                  says where the signing keys are
 * @param jwkSetUri where the signing keys are, for an issuer without discovery ({@code DEALFLOW_OAUTH_JWKS_URI});
 *                  the issuer is still checked when set
 * @param audience  the {@code aud} every token must name
 * @param client    this service's own OAuth client, when it calls another service
 */
@ConfigurationProperties("dealflow.security")
public record DealflowSecurityProperties(String issuerUri, String jwkSetUri,
                                         @DefaultValue(AccessClaims.AUDIENCE) String audience,
                                         @DefaultValue Client client) {

    /**
     * @param clientId     the service's client id (task-service, handoff-service)
     * @param clientSecret its secret
     * @param tokenUri     the token endpoint; when blank, the one the issuer's discovery document names
     */
    public record Client(String clientId, String clientSecret, String tokenUri) {
    }
}
