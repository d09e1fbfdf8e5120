package io.dealflow.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.dealflow.local.HealthCheck;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The launcher's control endpoint ({@code DEALFLOW_CONTROL_PORT}) as a test or the soak uses it: which process each
 * service runs in, whether it is up and how often it was restarted, and the broker fault.
 */
public final class LauncherControlClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;

    public LauncherControlClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** One service as the launcher reports it. */
    public record Service(String name, long pid, int port, int managementPort, boolean up, int restarts) {
    }

    /** The launcher's state: {@code RUNNING} or {@code STOPPING}, the broker, every child service. */
    public record Status(String state, boolean kafkaRunning, int kafkaRestarts, List<Service> services) {

        public Service service(String name) {
            return services.stream().filter(service -> service.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the launcher runs no " + name + ": " + services));
        }

        /** Restarts of every child service and the broker together. */
        public int totalRestarts() {
            return kafkaRestarts + services.stream().mapToInt(Service::restarts).sum();
        }
    }

    public Status status() {
        JsonNode body = json.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + "/status")).GET(), 200));
        List<Service> services = new ArrayList<>();
        for (JsonNode service : body.path("services")) {
            services.add(new Service(service.path("name").asString(), service.path("pid").asLong(),
                    service.path("port").asInt(), service.path("managementPort").asInt(),
                    service.path("up").asBoolean(), service.path("restarts").asInt()));
        }
        return new Status(body.path("state").asString(), body.path("kafka").path("running").asBoolean(),
                body.path("kafka").path("restarts").asInt(), List.copyOf(services));
    }

    /** Whether the service's own health endpoint (its management port) says UP right now. */
    public boolean healthy(Service service) {
        return service.up() && new HealthCheck(URI.create("http://127.0.0.1:" + service.managementPort()
                + "/actuator/health")).isUp();
    }

    /** Takes the broker away for {@code down}; the launcher's supervision brings it back on the same port and data. */
    public void failKafka(Duration down) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/kafka/fail?downSeconds=" + down.toSeconds()))
                .POST(HttpRequest.BodyPublishers.noBody()), 202);
    }

    private String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("the launcher's control endpoint answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("the launcher's control endpoint at " + baseUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
