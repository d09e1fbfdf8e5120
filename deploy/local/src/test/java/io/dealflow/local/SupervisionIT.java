package io.dealflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dealflow.local.testing.LauncherControlClient;
import io.dealflow.local.testing.LauncherControlClient.Service;
import io.dealflow.local.testing.LocalDealflow;

/**
 * The launcher as a developer runs it (on free ports, its own databases): a service killed with SIGKILL comes back
 * healthy on its own while the others keep running untouched; the broker taken away comes back on the same port;
 * stopping the launcher afterwards leaves no process behind, restarted ones included.
 */
class SupervisionIT {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().resolve("../..").normalize();
    private static final Duration RECOVERY = Duration.ofMinutes(5);

    @TempDir
    Path workDir;

    @Test
    void aKilledServiceIsBroughtBackHealthyWithoutTouchingTheOthers() throws Exception {
        List<Long> pidsAtTheEnd;
        Path log;
        try (LocalDealflow dealflow = LocalDealflow.start(REPOSITORY, workDir, "soak_supervisionit", List.of(),
                Map.of())) {
            log = dealflow.log();
            LauncherControlClient control = dealflow.control();
            LauncherControlClient.Status before = control.status();
            Service victim = before.service("task-service");

            ProcessHandle.of(victim.pid()).orElseThrow().destroyForcibly();

            await("task-service restarted and UP").atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> {
                        Service now = control.status().service("task-service");
                        return now.up() && now.restarts() == 1 && now.pid() != victim.pid();
                    });
            assertThat(health(dealflow.managementUrl("task-service"))).contains("\"status\":\"UP\"");
            LauncherControlClient.Status after = control.status();
            assertThat(othersThan("task-service", after.services()))
                    .as("the other services: same processes, never restarted")
                    .isEqualTo(othersThan("task-service", before.services()));
            assertThat(Files.readString(dealflow.log())).contains("task-service exited unexpectedly (exit code 137)");

            control.failKafka(Duration.ofSeconds(1));
            await("the broker restarted").atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> control.status().kafkaRestarts() == 1 && control.status().kafkaRunning());
            assertThat(control.status().service("deal-service").restarts()).isZero();
            pidsAtTheEnd = control.status().services().stream().map(Service::pid).toList();
        }
        String lines = Files.readString(log);
        assertThat(lines).as("the launcher stopped everything on SIGTERM").contains("[dealflow] stopped");
        assertThat(lines).as("nothing was restarted while stopping").doesNotContain("task-service exited unexpectedly"
                + " (exit code 143)").doesNotContain("restart #2");
        assertThat(pidsAtTheEnd).as("no service outlives the launcher's stop")
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .isFalse());
    }

    private static Map<String, Service> othersThan(String name, List<Service> services) {
        return services.stream().filter(service -> !service.name().equals(name))
                .collect(Collectors.toMap(Service::name, service -> service));
    }

    private static String health(String managementUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(managementUrl + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body().replace(" ", "");
    }
}
