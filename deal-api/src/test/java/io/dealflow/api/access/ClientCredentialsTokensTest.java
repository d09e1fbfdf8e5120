package io.dealflow.api.access;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grant as a token endpoint sees it, and when a client asks again: only near a token's expiry. */
class ClientCredentialsTokensTest {

    private HttpServer endpoint;
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> authorizations = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private volatile int status = 200;
    private final MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext(ClientCredentialsTokens.TOKEN_PATH, exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = status == 200
                    ? ("{\"access_token\":\"token-" + issued.incrementAndGet()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":900}").getBytes(StandardCharsets.UTF_8)
                    : "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
    }

    @Test
    void asksWithClientSecretBasicForTheClientCredentialsGrant() {
        tokens("sales-head").token();

        assertThat(bodies).containsExactly("grant_type=client_credentials");
        assertThat(authorizations).containsExactly("Basic " + java.util.Base64.getEncoder()
                .encodeToString("sales-head:sales-head-secret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reusesATokenUntilAMinuteBeforeItExpires() {
        ClientCredentialsTokens tokens = tokens("demo-integration");

        assertThat(tokens.token()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(13));
        assertThat(tokens.authorization()).isEqualTo("Bearer token-1");
        clock.advance(Duration.ofSeconds(61));
        assertThat(tokens.token()).isEqualTo("token-2");
        assertThat(issued).hasValue(2);
    }

    @Test
    void aRefusedClientIsReportedWithTheAnswer() {
        status = 401;

        assertThatThrownBy(() -> tokens("nobody").token())
                .isInstanceOf(ClientCredentialsTokens.TokenUnavailableException.class)
                .hasMessageContaining("401").hasMessageContaining("invalid_client");
    }

    private ClientCredentialsTokens tokens(String clientId) {
        String issuer = "http://127.0.0.1:" + endpoint.getAddress().getPort();
        return new ClientCredentialsTokens(URI.create(issuer + ClientCredentialsTokens.TOKEN_PATH), clientId,
                clientId + ClientCredentialsTokens.DEMO_SECRET_SUFFIX, clock);
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
