package io.dealflow.platform.security.client;

import io.dealflow.platform.security.web.DealflowSecurityProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The service's own client registration, for the client-credentials grant. Its token endpoint is configured or
 * found through the issuer's discovery document on first use: the service starts while its issuer is still
 * starting, and pointing it at another issuer (Keycloak, say) is one variable.
 */
final class DiscoveredClientRegistration implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "dealflow";

    private final String issuerUri;
    private final DealflowSecurityProperties.Client client;
    private volatile ClientRegistration registration;

    DiscoveredClientRegistration(String issuerUri, DealflowSecurityProperties.Client client) {
        this.issuerUri = issuerUri;
        this.client = client;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            known = build();
            registration = known;
        }
        return known;
    }

    private ClientRegistration build() {
        ClientRegistration.Builder builder = client.tokenUri() == null || client.tokenUri().isBlank()
                ? ClientRegistrations.fromIssuerLocation(issuerUri).registrationId(REGISTRATION_ID)
                : ClientRegistration.withRegistrationId(REGISTRATION_ID).tokenUri(client.tokenUri());
        return builder
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(java.util.Set.of())
                .build();
    }
}
