package io.dealflow.ops.monitoring;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.dealflow.local.testing.FreePorts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus scraping the local system, configured from deploy/prometheus/prometheus.yml: the same jobs and
 * rule file, only the targets moved to the test's ports and the interval shortened to 2 s.
 */
final class PrometheusServer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Process process;
    private final String baseUrl;
    private final Path log;

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.log = log;
    }

    /** The Debian package when the binary is missing (CI installs it in .ci/run; this covers a bare IDE run). */
    static Path ensureBinary() throws IOException, InterruptedException {
        if (Files.isExecutable(BINARY)) {
            return BINARY;
        }
        for (List<String> command : List.of(List.of("apt-get", "install", "-y", "prometheus"),
                List.of("sh", "-c", "apt-get update && apt-get install -y prometheus"))) {
            try {
                Process install = new ProcessBuilder(command).inheritIO().start();
                if (install.waitFor(300, TimeUnit.SECONDS) && Files.isExecutable(BINARY)) {
                    return BINARY;
                }
            } catch (IOException e) {
                // no apt-get here: reported below
            }
        }
        throw new IllegalStateException("No Prometheus at " + BINARY + " and `apt-get install -y prometheus` did not"
                + " provide one (needs root and Debian/Ubuntu). Install Prometheus 2.x to " + BINARY + " to run this test.");
    }

    static PrometheusServer start(Path repository, Map<String, Integer> servicePorts, Path workDir)
            throws IOException {
        Path binary;
        try {
            binary = ensureBinary();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, testConfig(repository, servicePorts));
        int port = FreePorts.take(1).get(0);
        Path log = workDir.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, port, log);
        await("Prometheus to be ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Prometheus exited:\n" + Files.readString(log));
                    }
                    return server.get("/-/ready").statusCode() == 200;
                });
        return server;
    }

    /** deploy/prometheus/prometheus.yml with its targets (host:port of docker-compose) moved to 127.0.0.1. */
    static String testConfig(Path repository, Map<String, Integer> servicePorts) throws IOException {
        YAMLMapper yaml = YAMLMapper.builder().build();
        ObjectNode config = (ObjectNode) yaml.readTree(repository.resolve("deploy/prometheus/prometheus.yml").toFile());
        ObjectNode global = config.withObject("global");
        global.put("scrape_interval", "2s");
        global.put("evaluation_interval", "2s");
        ArrayNode rules = config.putArray("rule_files");
        rules.add(repository.resolve("deploy/prometheus/alerts.yml").toString());
        for (JsonNode job : config.path("scrape_configs")) {
            for (JsonNode staticConfig : job.path("static_configs")) {
                ArrayNode targets = (ArrayNode) staticConfig.path("targets");
                for (int i = 0; i < targets.size(); i++) {
                    String host = targets.get(i).asString().split(":")[0];
                    Integer port = servicePorts.get(host);
                    if (port == null) {
                        throw new IllegalStateException("prometheus.yml scrapes " + host + ", which is no Dealflow service");
                    }
                    targets.set(i, JSON.getNodeFactory().stringNode("127.0.0.1:" + port));
                }
            }
        }
        return yaml.writeValueAsString(config);
    }

    /** An instant query: the result array, or an exception carrying Prometheus' error for an invalid expression. */
    JsonNode query(String promQl) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8));
        JsonNode body = JSON.readTree(response.body());
        if (!"success".equals(body.path("status").asString(""))) {
            throw new InvalidQueryException(body.path("errorType").asString("") + ": " + body.path("error").asString(""));
        }
        return body.path("data").path("result");
    }

    JsonNode rules() throws IOException, InterruptedException {
        return JSON.readTree(get("/api/v1/rules").body()).path("data").path("groups");
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static final class InvalidQueryException extends IOException {
        InvalidQueryException(String message) {
            super(message);
        }
    }
}
