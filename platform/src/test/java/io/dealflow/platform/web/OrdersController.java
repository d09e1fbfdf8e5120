package io.dealflow.platform.web;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.RetryLaterException;
import io.dealflow.platform.problem.RuleViolationException;
import io.dealflow.platform.web.idempotency.IdempotentRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates orders and counts how often each order name reached a handler, so that tests can tell a replay (no
 * invocation) from a second execution. Tests use a fresh name each, so they never see each other's counts.
 */
@RestController
@RequestMapping("/api/test/orders")
public class OrdersController {

    public record OrderRequest(String name, int quantity) {
    }

    public record Order(long id, String name, int quantity) {
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();
    private final Map<String, Optional<IdempotentRequest>> claims = new ConcurrentHashMap<>();

    public int invocationsOf(String name) {
        AtomicInteger count = invocations.get(name);
        return count == null ? 0 : count.get();
    }

    /** The idempotency claim the handler saw on its last {@code POST} for {@code name}. */
    public Optional<IdempotentRequest> claimSeenBy(String name) {
        return claims.getOrDefault(name, Optional.empty());
    }

    /** Makes the next {@code /slow} request for {@code name} wait inside the handler until the gate opens. */
    public Gate gateFor(String name) {
        return gates.computeIfAbsent(name, n -> new Gate());
    }

    @PostMapping
    ResponseEntity<Order> place(@RequestBody OrderRequest request) {
        claims.put(request.name(), IdempotentRequest.current());
        return created(request);
    }

    @PatchMapping("/{id}")
    Order amend(@PathVariable long id, @RequestBody OrderRequest request) {
        count(request);
        return new Order(id, request.name(), request.quantity());
    }

    /** Fails with an unexpected error on the first attempt only, as a transient outage would. */
    @PostMapping("/flaky")
    ResponseEntity<Order> placeFlakily(@RequestBody OrderRequest request) {
        if (invocationsOf(request.name()) == 0) {
            count(request);
            throw new IllegalStateException("transient outage");
        }
        return created(request);
    }

    /** Answers 202 ("accepted, not done yet") on the first attempt only, then the final 201. */
    @PostMapping("/later")
    ResponseEntity<Order> placeLater(@RequestBody OrderRequest request) {
        if (invocationsOf(request.name()) == 0) {
            count(request);
            return ResponseEntity.accepted().build();
        }
        return created(request);
    }

    /** Asks to be retried (409 with Retry-After) on the first attempt only, as a peer not caught up yet would. */
    @PostMapping("/not-yet")
    ResponseEntity<Order> placeOnceKnown(@RequestBody OrderRequest request) {
        if (invocationsOf(request.name()) == 0) {
            count(request);
            throw new RetryLaterException(409, ProblemTypes.DEAL_NOT_YET_KNOWN, "Not seen yet.",
                    java.time.Duration.ofSeconds(1), Map.of());
        }
        return created(request);
    }

    @PostMapping("/refused")
    ResponseEntity<Order> refuse(@RequestBody OrderRequest request) {
        count(request);
        throw new RuleViolationException(ProblemTypes.DEAL_CLOSED, "Order " + request.name() + " is closed.");
    }

    @PostMapping("/slow")
    ResponseEntity<Order> placeSlowly(@RequestBody OrderRequest request) throws InterruptedException {
        Gate gate = gateFor(request.name());
        gate.entered.countDown();
        if (!gate.open.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened the gate");
        }
        return created(request);
    }

    @PostMapping("/async")
    CompletableFuture<ResponseEntity<Order>> placeAsynchronously(@RequestBody OrderRequest request) {
        return CompletableFuture.supplyAsync(() -> created(request));
    }

    private ResponseEntity<Order> created(OrderRequest request) {
        count(request);
        Order order = new Order(ids.incrementAndGet(), request.name(), request.quantity());
        return ResponseEntity.created(URI.create("/api/test/orders/" + order.id()))
                .eTag("\"" + order.id() + "\"")
                .body(order);
    }

    private void count(OrderRequest request) {
        invocations.computeIfAbsent(request.name(), name -> new AtomicInteger()).incrementAndGet();
    }

    public static final class Gate {

        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch open = new CountDownLatch(1);

        public boolean awaitEntered() throws InterruptedException {
            return entered.await(30, TimeUnit.SECONDS);
        }

        public void open() {
            open.countDown();
        }
    }
}
