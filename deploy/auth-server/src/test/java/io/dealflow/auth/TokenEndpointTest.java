package io.dealflow.auth;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The token a demo client gets by the client-credentials grant, read as any resource server would read it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dealflow.auth.key-file=target/auth-server-test/signing-key.json",
        "dealflow.auth.issuer=" + TokenEndpointTest.ISSUER})
class TokenEndpointTest {

    /** As docker-compose names it: the services' name for it, whatever host a client reached it by. */
    static final String ISSUER = "http://auth-server:9000";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aDemoClientsTokenIsForDealflowWithItsRolesDepartmentsAndClientForFifteenMinutes() throws Exception {
        HttpResponse<String> response = token("sales-head", "sales-head-secret");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode claims = claims(JsonMapper.shared().readTree(response.body()).path("access_token").asString());
        assertThat(claims.path("aud").toString()).contains("dealflow");
        assertThat(claims.path("sub").asString()).isEqualTo("sales-head");
        assertThat(claims.path("client_id").asString()).isEqualTo("sales-head");
        assertThat(claims.path("roles").toString()).isEqualTo("[\"head\"]");
        assertThat(claims.path("departments").toString()).isEqualTo("[\"sales\"]");
        assertThat(claims.path("iss").asString()).isEqualTo(ISSUER);
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(900);
    }

    @Test
    void aWrongSecretGetsNoToken() throws Exception {
        assertThat(token("dealflow-admin", "guessed").statusCode()).isEqualTo(401);
    }

    @Test
    void theDiscoveryDocumentNamesTheTokenEndpointAndTheKeys() throws Exception {
        HttpResponse<String> discovery = HTTP.send(HttpRequest.newBuilder(
                URI.create(base() + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode metadata = JsonMapper.shared().readTree(discovery.body());
        assertThat(metadata.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(metadata.path("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(metadata.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
    }

    private HttpResponse<String> token(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) {
        return JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
