package io.dealflow.ops.deployment;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Grafana expands {@code ${VAR}} in its provisioning files from its own environment: every one must be set. */
class GrafanaProvisioningTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    @Test
    void everyVariableTheProvisioningReadsIsGivenToGrafanaInCompose() throws IOException {
        Set<String> read = new HashSet<>();
        try (Stream<Path> files = Files.walk(RepositoryFiles.file("deploy/grafana/provisioning"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = VARIABLE.matcher(RepositoryFiles.read(file));
                while (matcher.find()) {
                    read.add(matcher.group(1));
                }
            }
        }
        JsonNode grafana = RepositoryFiles.yaml(RepositoryFiles.file("docker-compose.yml"))
                .path("services").path("grafana").path("environment");
        Set<String> given = new HashSet<>();
        grafana.properties().forEach(entry -> given.add(entry.getKey()));
        assertThat(given).as("grafana's environment in docker-compose.yml").containsAll(read);
    }

    @Test
    void everyDashboardFileIsValidJsonWithItsOwnUid() throws IOException {
        Set<String> uids = new HashSet<>();
        try (Stream<Path> files = Files.list(RepositoryFiles.file("deploy/grafana/dashboards"))) {
            List<Path> dashboards = files.filter(path -> path.toString().endsWith(".json")).toList();
            assertThat(dashboards).hasSize(5);
            for (Path dashboard : dashboards) {
                JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build()
                        .readTree(RepositoryFiles.read(dashboard));
                assertThat(uids.add(json.path("uid").asString())).as("unique uid in " + dashboard).isTrue();
                assertThat(json.path("panels").size()).as("panels in " + dashboard).isPositive();
            }
        }
    }
}
