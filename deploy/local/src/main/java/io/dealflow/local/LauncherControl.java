package io.dealflow.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The launcher's control endpoint ({@code DEALFLOW_CONTROL_PORT}, off by default), on the loopback interface only:
 * {@code GET /status} answers {@link LauncherStatus} as JSON; {@code POST /kafka/fail?downSeconds=N} takes the
 * in-JVM broker away for N seconds (default 5) and lets the supervision bring it back, which is how the soak
 * injects a broker fault into a broker that has no process of its own to kill.
 */
final class LauncherControl implements AutoCloseable {

    private static final int MAX_DOWN_SECONDS = 300;

    private final HttpServer server;

    private LauncherControl(HttpServer server) {
        this.server = server;
    }

    static LauncherControl open(int port, Supplier<LauncherStatus> status, Consumer<Duration> failBroker) {
        JsonMapper json = JsonMapper.builder().build();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/status", exchange -> {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    answer(exchange, 405, "{\"error\":\"GET only\"}");
                    return;
                }
                answer(exchange, 200, json.writeValueAsString(status.get()));
            });
            server.createContext("/kafka/fail", exchange -> {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    answer(exchange, 405, "{\"error\":\"POST only\"}");
                    return;
                }
                Integer seconds = downSeconds(exchange.getRequestURI().getQuery());
                if (seconds == null) {
                    answer(exchange, 400, "{\"error\":\"downSeconds must be a whole number of seconds in [0, "
                            + MAX_DOWN_SECONDS + "]\"}");
                    return;
                }
                // answered before the broker stops: stopping takes seconds and the caller only needs to know it began
                answer(exchange, 202, "{\"downSeconds\":" + seconds + "}");
                Thread stopper = new Thread(() -> failBroker.accept(Duration.ofSeconds(seconds)), "kafka-fault");
                stopper.setDaemon(true);
                stopper.start();
            });
            server.start();
            return new LauncherControl(server);
        } catch (IOException e) {
            throw new LaunchException("Could not open the control endpoint on 127.0.0.1:" + port + " ("
                    + e.getMessage() + "); set DEALFLOW_CONTROL_PORT to a free port");
        }
    }

    /** {@code downSeconds=N} from the query, 5 when absent, null when not acceptable. */
    static Integer downSeconds(String query) {
        if (query == null || query.isBlank()) {
            return 5;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("downSeconds=")) {
                try {
                    int seconds = Integer.parseInt(parameter.substring("downSeconds=".length()));
                    return seconds >= 0 && seconds <= MAX_DOWN_SECONDS ? seconds : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return 5;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            exchange.close();
        }
    }
}
