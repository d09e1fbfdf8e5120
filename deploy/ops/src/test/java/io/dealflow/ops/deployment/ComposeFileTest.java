package io.dealflow.ops.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * docker-compose.yml against what it runs: the Maven modules it builds, the environment variables each service
 * really reads, their ports, start-up order, the databases the init script creates and Prometheus' scrape targets.
 * No Docker engine is needed: a wrong name here would otherwise only show when someone runs `docker compose up`.
 */
class ComposeFileTest {

    private static final Path COMPOSE = RepositoryFiles.file("docker-compose.yml");
    private static final Path PROMETHEUS = RepositoryFiles.file("deploy/prometheus/prometheus.yml");
    private static final Path POSTGRES_INIT = RepositoryFiles.file("deploy/docker/postgres-init");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)");

    private final JsonNode services = RepositoryFiles.yaml(COMPOSE).path("services");

    static List<String> serviceModules() {
        return RepositoryFiles.serviceModules();
    }

    @Test
    void everyBuildContextIsAMavenModuleBuiltWithTheSharedDockerfile() {
        Map<String, String> contexts = buildContexts();
        assertThat(contexts).isNotEmpty();
        contexts.forEach((service, context) -> {
            assertThat(RepositoryFiles.mavenModules()).as("build context of %s", service).contains(context);
            JsonNode build = services.path(service).path("build");
            assertThat(RepositoryFiles.file(context).resolve(build.path("dockerfile").asString()).normalize())
                    .as("Dockerfile of %s", service)
                    .isEqualTo(RepositoryFiles.file(DockerfilesTest.SHARED_DOCKERFILE).normalize())
                    .isRegularFile();
            // the module's jar is target/<its last path segment>.jar (deploy/auth-server: auth-server.jar)
            assertThat(build.path("args").path("SERVICE").asString()).as("SERVICE of %s", service)
                    .isEqualTo(Path.of(context).getFileName().toString());
            assertThat(build.path("args").path("PORT").asString()).as("PORT of %s", service)
                    .isEqualTo(String.valueOf(RepositoryFiles.defaultPort(context)));
        });
    }

    @Test
    void everyServiceModuleIsBuiltAndRunUnderItsOwnName() {
        Map<String, String> contexts = buildContexts();
        for (String module : RepositoryFiles.serviceModules()) {
            assertThat(contexts).as("compose service built from %s", module).containsEntry(module, module);
        }
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void serviceIsConfiguredOnlyThroughVariablesItsApplicationYmlReads(String module) {
        Set<String> read = RepositoryFiles.environmentVariablesReadBy(module);
        Map<String, String> environment = environment(module);
        assertThat(environment.keySet()).as("%s's environment in docker-compose.yml", module).isSubsetOf(read);
        // the settings without which the container would look for PostgreSQL and Kafka on its own loopback
        assertThat(environment).as("%s's environment", module)
                .containsKeys("DEALFLOW_DB_USER", "DEALFLOW_DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS")
                .containsKeys(read.stream().filter(name -> name.endsWith("_DB_URL")).toArray(String[]::new));
        if (read.contains("DEAL_SERVICE_URL")) {
            assertThat(environment).as("%s's environment", module).containsKey("DEAL_SERVICE_URL");
        }
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void containerListensAndIsPublishedOnThePortOfItsApplicationYml(String module) {
        int port = RepositoryFiles.defaultPort(module);
        String configured = environment(module).get(RepositoryFiles.portVariable(module));
        if (configured != null) {
            assertThat(configured).as("%s set in compose", RepositoryFiles.portVariable(module))
                    .isEqualTo(String.valueOf(port));
        }
        int managementPort = RepositoryFiles.defaultManagementPort(module);
        assertThat(containerPorts(module)).as("%s's container ports", module).containsExactly(port, managementPort);
        assertThat(services.path(module).path("ports").get(0).asString())
                .as("DESIGN §4: the host port is the service's port").isEqualTo(port + ":" + port);
        assertThat(services.path(module).path("ports").get(1).asString())
                .as("DESIGN §6: health and metrics on the management port")
                .isEqualTo(managementPort + ":" + managementPort);
    }

    /** DESIGN §6: every service trusts the compose authorization server, or the issuer one variable names. */
    @ParameterizedTest
    @MethodSource("serviceModules")
    void serviceTrustsTheAuthorizationServerOrTheIssuerOneVariableNames(String module) {
        JsonNode authServer = services.path("auth-server");
        String issuer = environment("auth-server").get("DEALFLOW_AUTH_ISSUER");
        assertThat(issuer).isEqualTo("http://auth-server:" + RepositoryFiles.defaultPort("deploy/auth-server"));
        assertThat(environment(module).get("DEALFLOW_OAUTH_ISSUER_URI")).as("%s's issuer", module)
                .isEqualTo("${DEALFLOW_OAUTH_ISSUER_URI:-" + issuer + "}");
        assertThat(services.path(module).path("depends_on").path("auth-server").path("condition").asString())
                .isEqualTo("service_healthy");
        assertThat(authServer.path("build").path("context").asString()).isEqualTo("./deploy/auth-server");
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void healthCheckAsksForReadinessOnTheManagementPort(String module) {
        String test = String.join(" ", strings(services.path(module).path("healthcheck").path("test")));
        assertThat(test).contains("localhost:" + RepositoryFiles.defaultManagementPort(module)
                + "/actuator/health/readiness");
    }

    @ParameterizedTest
    @MethodSource("serviceModules")
    void serviceStartsOnlyOnceTheBrokerAndTheDatabaseAreHealthy(String module) {
        JsonNode dependsOn = services.path(module).path("depends_on");
        for (String infrastructure : List.of(serviceUsingImage("apache/kafka"), serviceUsingImage("postgres"))) {
            assertThat(dependsOn.path(infrastructure).path("condition").asString())
                    .as("%s waits for %s", module, infrastructure).isEqualTo("service_healthy");
        }
    }

    @Test
    void servicesCallingDealServiceStartAfterItIsHealthy() {
        for (String module : RepositoryFiles.serviceModules()) {
            if (environment(module).containsKey("DEAL_SERVICE_URL")) {
                assertThat(services.path(module).path("depends_on").path("deal-service").path("condition").asString())
                        .as("%s waits for deal-service", module).isEqualTo("service_healthy");
            }
        }
    }

    @Test
    void everyDependencyExistsAndIsAwaitedHealthyWhenItHasAHealthCheck() {
        services.properties().forEach(service -> {
            JsonNode dependsOn = service.getValue().path("depends_on");
            assertThat(dependsOn.isArray()).as("%s's depends_on names conditions, not a bare list", service.getKey())
                    .isFalse();
            dependsOn.properties().forEach(dependency -> {
                JsonNode target = services.path(dependency.getKey());
                assertThat(target.isMissingNode()).as("%s depends on %s", service.getKey(), dependency.getKey())
                        .isFalse();
                // monitoring may start beside services that are still starting; everything else waits for health
                boolean monitoring = service.getKey().equals("prometheus");
                if (target.has("healthcheck") && !monitoring) {
                    assertThat(dependency.getValue().path("condition").asString())
                            .as("%s waits for %s", service.getKey(), dependency.getKey()).isEqualTo("service_healthy");
                }
            });
        });
    }

    @Test
    void kafkaAndPostgresAndEveryServiceHaveAHealthCheck() {
        List<String> required = new ArrayList<>(RepositoryFiles.serviceModules());
        required.add(serviceUsingImage("apache/kafka"));
        required.add(serviceUsingImage("postgres"));
        for (String service : required) {
            assertThat(services.path(service).path("healthcheck").path("test").isMissingNode())
                    .as("%s has a health check", service).isFalse();
        }
    }

    @Test
    void servicesReachKafkaThroughTheListenerAdvertisedToContainers() {
        String kafka = serviceUsingImage("apache/kafka");
        String advertised = environment(kafka).get("KAFKA_ADVERTISED_LISTENERS");
        Set<String> addresses = List.of(advertised.split(",")).stream()
                .map(listener -> listener.substring(listener.indexOf("://") + 3)).collect(Collectors.toSet());
        for (String module : RepositoryFiles.serviceModules()) {
            String bootstrap = environment(module).get("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(addresses).as("%s's KAFKA_BOOTSTRAP_SERVERS", module).contains(bootstrap);
            assertThat(bootstrap).startsWith(kafka + ":");
        }
    }

    @Test
    void eachServiceDatabaseIsOnTheComposePostgresAndCreatedByItsInitScript() {
        String postgres = serviceUsingImage("postgres");
        String initScripts = initScripts();
        for (String module : RepositoryFiles.serviceModules()) {
            environment(module).entrySet().stream().filter(entry -> entry.getKey().endsWith("_DB_URL")).forEach(url -> {
                Matcher jdbc = JDBC_URL.matcher(url.getValue());
                assertThat(jdbc.matches()).as("%s of %s", url.getKey(), module).isTrue();
                assertThat(jdbc.group(1) + ":" + jdbc.group(2)).isEqualTo(postgres + ":5432");
                assertThat(initScripts).containsIgnoringCase("CREATE DATABASE " + jdbc.group(3) + ";");
            });
        }
    }

    @Test
    void grafanaReadsAnalyticsThroughAReadOnlyRoleThatAlsoCoversTablesFlywayCreatesLater() {
        assertThat(initScripts())
                .contains("CREATE ROLE grafana_reader")
                .contains("GRANT SELECT ON ALL TABLES IN SCHEMA public TO grafana_reader")
                .contains("ALTER DEFAULT PRIVILEGES FOR ROLE")
                .contains("GRANT SELECT ON TABLES TO grafana_reader")
                .doesNotContainPattern("(?i)GRANT\\s+(INSERT|UPDATE|DELETE|ALL)\\b[^;]*grafana_reader");
    }

    @Test
    void postgresIsPublishedOn5433SoALocalServerOn5432DoesNotClash() {
        assertThat(strings(services.path(serviceUsingImage("postgres")).path("ports"))).containsExactly("5433:5432");
    }

    @Test
    void serviceUrlsNameComposeServicesAndTheirPorts() {
        for (String module : RepositoryFiles.serviceModules()) {
            String url = environment(module).get("DEAL_SERVICE_URL");
            if (url != null) {
                URI uri = URI.create(url);
                assertThat(services.has(uri.getHost())).as("%s's DEAL_SERVICE_URL %s", module, url).isTrue();
                assertThat(containerPorts(uri.getHost())).contains(uri.getPort());
            }
        }
    }

    @Test
    void everyBindMountedDirectoryExists() {
        // Docker creates a missing bind-mount source as an empty directory, so a typo starts a container
        // without its configuration instead of failing.
        List<String> missing = new ArrayList<>();
        services.properties().forEach(service -> strings(service.getValue().path("volumes")).stream()
                .map(volume -> volume.split(":")[0])
                .filter(source -> source.startsWith("./"))
                .filter(source -> !Files.exists(RepositoryFiles.file(source.substring(2))))
                .forEach(source -> missing.add(service.getKey() + " mounts " + source)));
        assertThat(missing).as("bind-mounted paths missing from the repository (deploy/prometheus and deploy/grafana"
                + " come with the monitoring work)").isEmpty();
    }

    @Test
    void prometheusScrapesEveryServiceAtAComposeServiceNameAndPort() {
        if (!Files.isRegularFile(PROMETHEUS)) {
            fail("deploy/prometheus/prometheus.yml does not exist yet: docker-compose.yml mounts deploy/prometheus into"
                    + " the prometheus container and expects it to scrape <service>:<port>/actuator/prometheus for "
                    + RepositoryFiles.serviceModules() + " (it is being written with the monitoring work)");
        }
        Map<String, String> metricsPathByTarget = new LinkedHashMap<>();
        for (JsonNode job : RepositoryFiles.yaml(PROMETHEUS).path("scrape_configs")) {
            String path = job.path("metrics_path").asString("/metrics");
            for (JsonNode staticConfig : job.path("static_configs")) {
                strings(staticConfig.path("targets")).forEach(target -> metricsPathByTarget.put(target, path));
            }
        }
        metricsPathByTarget.keySet().forEach(target -> {
            String host = target.substring(0, target.lastIndexOf(':'));
            int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
            // Prometheus scraping itself as localhost is the one target that is not another container
            String service = host.equals("localhost") ? "prometheus" : host;
            assertThat(services.has(service)).as("scrape target %s names a compose service", target).isTrue();
            assertThat(containerPorts(service)).as("scrape target %s uses a port %s listens on", target, service)
                    .contains(port);
        });
        for (String module : RepositoryFiles.serviceModules()) {
            String target = module + ":" + RepositoryFiles.defaultManagementPort(module);
            assertThat(metricsPathByTarget).as("Prometheus scrapes %s", module)
                    .containsEntry(target, "/actuator/prometheus");
        }
    }

    private Map<String, String> buildContexts() {
        Map<String, String> contexts = new LinkedHashMap<>();
        services.properties().forEach(service -> {
            JsonNode build = service.getValue().path("build");
            if (!build.isMissingNode()) {
                String context = build.isString() ? build.asString() : build.path("context").asString();
                contexts.put(service.getKey(), Path.of(context).normalize().toString().replace('\\', '/'));
            }
        });
        return contexts;
    }

    /** A service's environment, in either of compose's forms (a map, or a list of NAME=value). */
    private Map<String, String> environment(String service) {
        JsonNode environment = services.path(service).path("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment.isArray()) {
            strings(environment).forEach(entry -> {
                int equals = entry.indexOf('=');
                variables.put(equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? "" : entry.substring(equals + 1));
            });
        } else {
            environment.properties().forEach(entry -> variables.put(entry.getKey(), entry.getValue().asString()));
        }
        return variables;
    }

    /** The container side of a service's published ports, or the port its image is known to listen on. */
    private List<Integer> containerPorts(String service) {
        return strings(services.path(service).path("ports")).stream()
                .map(mapping -> mapping.substring(mapping.lastIndexOf(':') + 1).replace("/tcp", ""))
                .map(Integer::parseInt)
                .toList();
    }

    private String serviceUsingImage(String image) {
        return services.properties().stream()
                .filter(service -> service.getValue().path("image").asString("").startsWith(image + ":"))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no compose service runs " + image));
    }

    private static String initScripts() {
        assertThat(POSTGRES_INIT).isDirectory();
        try (var files = Files.list(POSTGRES_INIT)) {
            return files.sorted().map(RepositoryFiles::read).collect(Collectors.joining("\n"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
