package io.dealflow.bench.imports;

import io.dealflow.api.access.ClientCredentialsTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * deal-service's import (DESIGN §7) of a generated file: POST it as {@code text/csv}, poll the job until it is done.
 * The rate is the job's own rows over its own start and finish times; the heap is deal-service's
 * {@code jvm_memory_used_bytes{area="heap"}} from its management port, sampled every second while the import runs
 * (a sample is a moment's use, garbage included: the peak is an upper bound of what the import needed).
 */
public final class HistoryImport {

    /** A Prometheus scrape costs deal-service about 10 ms of CPU: five a second were a fifth of its import's CPU. */
    private static final long POLL_MILLIS = 1000;
    private static final String METRIC = "jvm_memory_used_bytes{";
    /** Micrometer writes the tags in alphabetical order, so {@code application} (a common tag) comes first. */
    private static final String HEAP_TAG = "area=\"heap\"";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final ClientCredentialsTokens caller;
    private final String dealUrl;
    private final String dealManagementUrl;

    public HistoryImport(ClientCredentialsTokens caller, String dealUrl, String dealManagementUrl) {
        this.caller = caller;
        this.dealUrl = dealUrl;
        this.dealManagementUrl = dealManagementUrl;
    }

    public record Result(long rows, long deals, long refused, Duration took, long maxHeapBytes, long heapBefore) {

        public double rowsPerSecond() {
            return took.isZero() ? 0 : rows / (took.toNanos() / 1e9);
        }
    }

    public Result run(Path file, String pipelineId, Duration timeout) throws IOException, InterruptedException,
            TimeoutException {
        long heapBefore = heapUsed();
        HttpResponse<byte[]> started = client.send(HttpRequest.newBuilder(URI.create(dealUrl
                                + "/api/v1/imports?pipelineId=" + pipelineId))
                        .timeout(timeout).header("Authorization", caller.authorization())
                        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/imports answered " + started.statusCode() + ": "
                    + new String(started.body()));
        }
        String location = dealUrl + started.headers().firstValue("Location").orElseThrow();
        AtomicLong maxHeap = new AtomicLong(heapBefore);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            maxHeap.accumulateAndGet(heapUsed(), Math::max);
            JsonNode status = get(location);
            String state = status.path("state").asString();
            if (!"RUNNING".equals(state)) {
                if (!"DONE".equals(state)) {
                    throw new IllegalStateException("The import ended " + state + ": " + status.path("error"));
                }
                Instant from = Instant.parse(status.path("startedAt").asString());
                Instant to = Instant.parse(status.path("finishedAt").asString());
                return new Result(status.path("rowsRead").asLong(), status.path("dealsImported").asLong(),
                        status.path("dealsRefused").asLong(), Duration.between(from, to), maxHeap.get(), heapBefore);
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("The import is still running after " + timeout);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Authorization", caller.authorization()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    /** deal-service's heap in use now, summed over its pools; 0 when its management port does not answer. */
    private long heapUsed() {
        try {
            HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create(dealManagementUrl
                    + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return metrics.statusCode() == 200 ? heapOf(metrics.body()) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static long heapOf(String prometheusText) {
        double sum = 0;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith(METRIC) && line.substring(0, line.indexOf('}') + 1).contains(HEAP_TAG)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }
}
