package io.dealflow.ops.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * deploy/k8s against the services: every service runs as a scaled Deployment behind a Service and a disruption
 * budget, probed on Spring Boot's health groups on its management port, configured only through variables it reads,
 * trusting the configured issuer, with no more Kafka consumers than partitions.
 */
class KubernetesManifestsTest {

    private static final Path K8S = RepositoryFiles.file("deploy/k8s");
    private static final String CONFIG_MAP = "dealflow-config";
    private static final String DB_SECRET = "dealflow-db";
    /** task-service's and handoff-service's own client secrets at the issuer. */
    private static final String OAUTH_CLIENT_SECRET = "dealflow-oauth-clients";

    private final List<JsonNode> documents = manifestFiles().stream()
            .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
            .flatMap(file -> RepositoryFiles.yamlDocuments(file).stream())
            .toList();

    static List<String> serviceModules() {
        return RepositoryFiles.serviceModules();
    }

    @Test
    void kustomizationListsEveryManifestAndNothingElse() {
        List<String> listed = new ArrayList<>();
        RepositoryFiles.yaml(K8S.resolve("kustomization.yaml")).path("resources")
                .forEach(resource -> listed.add(resource.asString()));
        List<String> files = manifestFiles().stream().map(file -> K8S.relativize(file).toString().replace('\\', '/'))
                .filter(file -> !file.equals("kustomization.yaml"))
                .toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void everyDocumentIsAKubernetesObjectWithAName() {
        assertThat(documents).isNotEmpty().allSatisfy(document -> {
            assertThat(document.path("apiVersion").asString()).isNotBlank();
            assertThat(document.path("kind").asString()).isNotBlank();
            assertThat(document.path("metadata").path("name").asString()).isNotBlank();
        });
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void serviceRunsAsSeveralReplicas(String module) {
        assertThat(deployment(module).path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void containerListensOnThePortOfItsApplicationYmlAndTheServiceRoutesToIt(String module) {
        int port = RepositoryFiles.defaultPort(module);
        assertThat(container(module).path("ports").get(0).path("containerPort").asInt()).isEqualTo(port);
        JsonNode service = object("Service", module).orElseThrow(() -> new AssertionError("no Service " + module));
        JsonNode servicePort = service.path("spec").path("ports").get(0);
        // task- and handoff-service reach deal-service at http://deal-service:8081, the same URL as in compose
        assertThat(servicePort.path("port").asInt()).isEqualTo(port);
        assertThat(resolvePort(module, servicePort.path("targetPort"))).isEqualTo(port);
        assertThat(service.path("spec").path("selector")).isEqualTo(
                deployment(module).path("spec").path("selector").path("matchLabels"));
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void probesUseSpringBootsReadinessAndLivenessGroups(String module) {
        JsonNode container = container(module);
        assertProbe(module, container.path("readinessProbe"), "/actuator/health/readiness");
        assertProbe(module, container.path("livenessProbe"), "/actuator/health/liveness");
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void containerIsConfiguredOnlyThroughVariablesTheServiceReads(String module) {
        List<String> names = new ArrayList<>();
        container(module).path("env").forEach(variable -> names.add(variable.path("name").asString()));
        assertThat(names).as("%s's env", module)
                .isSubsetOf(RepositoryFiles.environmentVariablesReadBy(module))
                .contains("DEALFLOW_DB_USER", "DEALFLOW_DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS")
                .doesNotHaveDuplicates();
        assertThat(container(module).has("envFrom")).as("explicit env only, so the test above sees every name")
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void configurationComesFromTheSharedConfigMapAndCredentialsFromTheSecret(String module) {
        JsonNode configMap = object("ConfigMap", CONFIG_MAP).orElseThrow();
        container(module).path("env").forEach(variable -> {
            JsonNode from = variable.path("valueFrom");
            if (from.has("configMapKeyRef")) {
                assertThat(from.path("configMapKeyRef").path("name").asString()).isEqualTo(CONFIG_MAP);
                assertThat(configMap.path("data").has(from.path("configMapKeyRef").path("key").asString()))
                        .as("%s's %s is in %s", module, variable.path("name").asString(), CONFIG_MAP).isTrue();
            }
            if (from.has("secretKeyRef")) {
                assertThat(from.path("secretKeyRef").path("name").asString()).isIn(DB_SECRET, OAUTH_CLIENT_SECRET);
            }
            if (variable.path("name").asString().endsWith("_CLIENT_SECRET")) {
                assertThat(from.path("secretKeyRef").path("name").asString())
                        .as("%s's client secret comes from the Secret", module).isEqualTo(OAUTH_CLIENT_SECRET);
            }
            if (variable.path("name").asString().startsWith("DEALFLOW_DB_")) {
                assertThat(from.has("secretKeyRef")).as("%s's database credentials come from the Secret", module)
                        .isTrue();
            }
        });
        assertThat(object("Secret", DB_SECRET)).as("credentials stay out of the repository").isEmpty();
        assertThat(object("Secret", OAUTH_CLIENT_SECRET)).as("credentials stay out of the repository").isEmpty();
    }

    /** DESIGN §6: every service checks tokens against the one issuer of the environment. */
    @ParameterizedTest
    @MethodSource("serviceModules")
    void everyServiceTrustsTheIssuerOfTheSharedConfigMap(String module) {
        assertThat(container(module).path("env").findValuesAsString("name")).as("%s's env", module)
                .contains("DEALFLOW_OAUTH_ISSUER_URI");
        assertThat(object("ConfigMap", CONFIG_MAP).orElseThrow().path("data").path("DEALFLOW_OAUTH_ISSUER_URI")
                .asString()).startsWith("https://");
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void kafkaConsumersAcrossReplicasNeverOutnumberPartitions(String module) {
        Optional<String> concurrencyVariable = RepositoryFiles.environmentVariablesReadBy(module).stream()
                .filter(name -> name.endsWith("_CONSUMER_CONCURRENCY")).findFirst();
        if (concurrencyVariable.isEmpty()) {
            return; // not a consumer of the keyed topics (deal-service publishes them)
        }
        Optional<JsonNode> concurrency = variable(module, concurrencyVariable.get());
        // a consumer service left at its default concurrency (3) would run 3 x replicas consumers
        assertThat(concurrency).as("%s sets its consumer concurrency", module).isPresent();
        int consumers = deployment(module).path("spec").path("replicas").asInt()
                * Integer.parseInt(concurrency.get().path("value").asString());
        JsonNode data = object("ConfigMap", CONFIG_MAP).orElseThrow().path("data");
        int partitions = Math.min(data.path("DEALFLOW_DEAL_EVENT_PARTITIONS").asInt(),
                data.path("DEALFLOW_TASK_EVENT_PARTITIONS").asInt());
        assertThat(consumers).as("%s's replicas x concurrency against %d partitions", module, partitions)
                .isBetween(1, partitions);
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void serviceHasResourcesAScrapeAnnotationAndADisruptionBudget(String module) {
        JsonNode resources = container(module).path("resources");
        assertThat(resources.path("requests").has("cpu")).isTrue();
        assertThat(resources.path("requests").has("memory")).isTrue();
        assertThat(resources.path("limits").has("memory")).isTrue();
        JsonNode annotations = deployment(module).path("spec").path("template").path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/scrape").asString()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asString()).isEqualTo("/actuator/prometheus");
        assertThat(annotations.path("prometheus.io/port").asString())
                .isEqualTo(String.valueOf(RepositoryFiles.defaultManagementPort(module)));
        JsonNode budget = object("PodDisruptionBudget", module)
                .orElseThrow(() -> new AssertionError("no PodDisruptionBudget " + module));
        assertThat(budget.path("spec").path("selector").path("matchLabels"))
                .isEqualTo(deployment(module).path("spec").path("selector").path("matchLabels"));
        assertThat(budget.path("spec").path("minAvailable").asInt())
                .isBetween(1, deployment(module).path("spec").path("replicas").asInt() - 1);
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void podRunsAsTheImagesNonRootUser(String module) {
        JsonNode securityContext = deployment(module).path("spec").path("template").path("spec").path("securityContext");
        assertThat(securityContext.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(container(module).path("image").asString()).isEqualTo("dealflow/" + module);
    }

    private void assertProbe(String module, JsonNode probe, String path) {
        assertThat(probe.path("httpGet").path("path").asString()).as("%s's probe", module).isEqualTo(path);
        assertThat(resolvePort(module, probe.path("httpGet").path("port"))).as("%s's probe port", module)
                .isEqualTo(RepositoryFiles.defaultManagementPort(module));
    }

    /** A port given by number or by the container port's name. */
    private int resolvePort(String module, JsonNode port) {
        if (port.isNumber()) {
            return port.asInt();
        }
        for (JsonNode containerPort : container(module).path("ports")) {
            if (containerPort.path("name").asString().equals(port.asString())) {
                return containerPort.path("containerPort").asInt();
            }
        }
        throw new AssertionError(module + " has no container port named " + port.asString());
    }

    private JsonNode deployment(String module) {
        return object("Deployment", module).orElseThrow(() -> new AssertionError("no Deployment " + module));
    }

    private JsonNode container(String module) {
        JsonNode containers = deployment(module).path("spec").path("template").path("spec").path("containers");
        for (JsonNode container : containers) {
            if (container.path("name").asString().equals(module)) {
                return container;
            }
        }
        throw new AssertionError("Deployment " + module + " has no container named " + module);
    }

    private Optional<JsonNode> variable(String module, String name) {
        for (JsonNode variable : container(module).path("env")) {
            if (variable.path("name").asString().equals(name)) {
                return Optional.of(variable);
            }
        }
        return Optional.empty();
    }

    private Optional<JsonNode> object(String kind, String name) {
        return documents.stream()
                .filter(document -> document.path("kind").asString().equals(kind))
                .filter(document -> document.path("metadata").path("name").asString().equals(name))
                .findFirst();
    }

    private static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
