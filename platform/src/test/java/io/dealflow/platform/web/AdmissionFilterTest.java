package io.dealflow.platform.web;

import io.dealflow.api.ProblemTypes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AdmissionFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch inHandler = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger handled = new AtomicInteger();

    /** The handler of the first request holds its place until the test lets it go. */
    private final FilterChain holdingHandler = (request, response) -> {
        handled.incrementAndGet();
        inHandler.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    };
    private final FilterChain handler = (request, response) -> handled.incrementAndGet();

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void aRequestOverTheLimitIsShedWith503RetryAfterAndNeverReachesTheHandler() throws Exception {
        AdmissionFilter filter = filter(1, Duration.ZERO, Duration.ofSeconds(2));
        Future<MockHttpServletResponse> first = threads.submit(() -> send(filter, "/api/v1/deals", holdingHandler));
        assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse second = send(filter, "/api/v1/deals/d-1/stage", handler);

        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isEqualTo("2");
        assertThat(second.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(second.getContentAsString());
        assertThat(problem.path("type").asString()).isEqualTo(ProblemTypes.uri(ProblemTypes.SERVICE_OVERLOADED).toString());
        assertThat(problem.path("maxConcurrentRequests").asInt()).isEqualTo(1);
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/deals/d-1/stage");
        assertThat(handled).hasValue(1);
        assertThat(meters.counter("dealflow.http.requests.shed").count()).isEqualTo(1.0);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    @Test
    void aPlaceFreedByAFinishedRequestIsTakenByTheNext() throws Exception {
        AdmissionFilter filter = filter(1, Duration.ZERO, Duration.ofSeconds(1));
        Future<MockHttpServletResponse> first = threads.submit(() -> send(filter, "/api/v1/deals", holdingHandler));
        assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        first.get(10, TimeUnit.SECONDS);

        assertThat(send(filter, "/api/v1/deals", handler).getStatus()).isEqualTo(200);
        assertThat(handled).hasValue(2);
    }

    @Test
    void aRequestOverTheLimitWaitsUpToMaxWaitForAPlace() throws Exception {
        AdmissionFilter filter = filter(1, Duration.ofSeconds(10), Duration.ofSeconds(1));
        threads.submit(() -> send(filter, "/api/v1/deals", holdingHandler));
        assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicReference<Thread> waiter = new AtomicReference<>();
        Future<MockHttpServletResponse> waiting = threads.submit(() -> {
            waiter.set(Thread.currentThread());
            return send(filter, "/api/v1/deals", handler);
        });
        // the second request is parked on the bulkhead's semaphore, not answered: it waits for the place
        await().atMost(Duration.ofSeconds(10)).until(() -> waiter.get() != null
                && waiter.get().getState() == Thread.State.TIMED_WAITING);
        assertThat(waiting).isNotDone();
        assertThat(handled).hasValue(1);
        release.countDown();

        assertThat(waiting.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(handled).hasValue(2);
    }

    @Test
    void aFailingHandlerGivesItsPlaceBack() throws Exception {
        AdmissionFilter filter = filter(1, Duration.ZERO, Duration.ofSeconds(1));
        FilterChain failing = (request, response) -> {
            throw new IllegalStateException("boom");
        };
        try {
            send(filter, "/api/v1/deals", failing);
        } catch (IllegalStateException expected) {
            // the place must be free again all the same
        }

        assertThat(send(filter, "/api/v1/deals", handler).getStatus()).isEqualTo(200);
    }

    @Test
    void pathsOutsideTheApiAreNotLimited() throws Exception {
        AdmissionFilter filter = filter(1, Duration.ZERO, Duration.ofSeconds(1));
        threads.submit(() -> send(filter, "/api/v1/deals", holdingHandler));
        assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(send(filter, "/v3/api-docs", handler).getStatus()).isEqualTo(200);
        assertThat(send(filter, "/error", handler).getStatus()).isEqualTo(200);
    }

    private AdmissionFilter filter(int maxConcurrent, Duration maxWait, Duration retryAfter) {
        return new AdmissionFilter(new PlatformHttpProperties.Admission(true, maxConcurrent, maxWait, retryAfter),
                new ProblemResponseWriter(), meters);
    }

    private static MockHttpServletResponse send(AdmissionFilter filter, String path, FilterChain chain)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
