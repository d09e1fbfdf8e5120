package io.dealflow.auth;

import io.dealflow.api.access.ClientCredentialsTokens;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * @param issuer      the URL every token names as {@code iss} and the services are configured with; fixed rather
 *                    than taken from each request, so a token fetched through another host name is still valid
 * @param keyFile     the RSA signing key as a JWK (private parts included), generated there on first start and
 *                    reused after, so tokens stay valid across a restart; never committed to a repository
 * @param tokenTtl    how long an access token lives
 * @param clients     the registered clients, all using client credentials with {@code client_secret_basic}
 */
@ConfigurationProperties("dealflow.auth")
record AuthServerProperties(String issuer, Path keyFile, @DefaultValue("PT15M") Duration tokenTtl,
                            List<Client> clients) {

    AuthServerProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * @param secret      the client secret; the demo clients' default is {@code <id>-secret}
     * @param roles       the {@code roles} claim of its tokens
     * @param departments the {@code departments} claim: department ids, or {@code *} for all
     */
    record Client(String id, String secret, List<String> roles, List<String> departments) {

        Client {
            secret = secret == null || secret.isBlank() ? id + ClientCredentialsTokens.DEMO_SECRET_SUFFIX : secret;
            roles = roles == null ? List.of() : List.copyOf(roles);
            departments = departments == null ? List.of() : List.copyOf(departments);
        }
    }
}
