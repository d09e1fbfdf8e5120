package io.dealflow.platform.web.client;

import com.sun.net.httpserver.HttpServer;
import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.web.ServiceEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry policy against a real HTTP server on a free port that answers what each test scripts. */
class ServiceCallerTest {

    private HttpServer server;
    private final Deque<Integer> script = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();

    public record Thing(String id) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/things", exchange -> {
            requests.incrementAndGet();
            int status = script.isEmpty() ? 200 : script.poll();
            String body = status < 300 ? "{\"id\":\"t-1\"}"
                    : "{\"type\":\"" + ProblemTypes.uri(status == 422 ? ProblemTypes.DEAL_CLOSED
                    : ProblemTypes.SERVICE_UNAVAILABLE) + "\",\"detail\":\"scripted\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ServiceCaller caller(int port, int attempts) {
        ServiceEndpoint endpoint = new ServiceEndpoint();
        endpoint.setUrl(URI.create("http://127.0.0.1:" + port));
        endpoint.setTimeout(Duration.ofSeconds(5));
        endpoint.setAttempts(attempts);
        endpoint.setFirstBackoff(Duration.ofMillis(1));
        return new ServiceCaller("thing-service", endpoint);
    }

    private CallOutcome<Thing> getThing(ServiceCaller caller) {
        return caller.call("get", http -> http.get().uri("/things"), Thing.class);
    }

    @Test
    void anOutageIsTriedAgainUntilTheAnswerComes() {
        script.add(503);
        script.add(502);

        CallOutcome<Thing> outcome = getThing(caller(server.getAddress().getPort(), 3));

        assertThat(outcome).isEqualTo(new CallOutcome.Accepted<>(200, new Thing("t-1")));
        assertThat(requests).hasValue(3);
    }

    @Test
    void aRefusalIsNotTriedAgain() {
        script.add(422);

        CallOutcome<Thing> outcome = getThing(caller(server.getAddress().getPort(), 3));

        assertThat(outcome).isInstanceOf(CallOutcome.Refused.class);
        assertThat(((CallOutcome.Refused<Thing>) outcome).problem().type()).isEqualTo(ProblemTypes.DEAL_CLOSED);
        assertThat(requests).hasValue(1);
    }

    @Test
    void whatIsStillUnavailableAfterTheLastTryIsAnsweredAsSuch() {
        script.add(503);
        script.add(503);
        script.add(503);

        CallOutcome<Thing> outcome = getThing(caller(server.getAddress().getPort(), 2));

        assertThat(outcome).isInstanceOf(CallOutcome.Unavailable.class);
        assertThat(requests).hasValue(2);
    }

    @Test
    void aPeerThatDoesNotListenIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CallOutcome<Thing> outcome = getThing(caller(closedPort, 2));

        assertThat(outcome).isInstanceOf(CallOutcome.Unavailable.class);
        assertThat(((CallOutcome.Unavailable<Thing>) outcome).problem().type())
                .isEqualTo("thing-service-unreachable");
    }
}
