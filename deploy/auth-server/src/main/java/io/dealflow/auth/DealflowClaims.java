package io.dealflow.auth;

import io.dealflow.api.access.AccessClaims;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.List;

/**
 * What makes an access token a Dealflow one: audience {@code dealflow}, the client's {@code roles} and
 * {@code departments}, and {@code client_id} (RFC 9068). Plain claims that any issuer can be told to add.
 */
final class DealflowClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES_SETTING = "dealflow.roles";
    static final String DEPARTMENTS_SETTING = "dealflow.departments";

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        RegisteredClient client = context.getRegisteredClient();
        context.getClaims()
                .audience(List.of(AccessClaims.AUDIENCE))
                .claim(AccessClaims.CLIENT_ID.get(0), client.getClientId())
                .claim(AccessClaims.ROLES, setting(client, ROLES_SETTING))
                .claim(AccessClaims.DEPARTMENTS, setting(client, DEPARTMENTS_SETTING));
    }

    private static List<String> setting(RegisteredClient client, String name) {
        List<String> values = client.getClientSettings().getSetting(name);
        return values == null ? List.of() : values;
    }
}
