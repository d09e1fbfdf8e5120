package io.dealflow.platform.web;

import io.dealflow.platform.problem.Problems;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Admits at most {@link PlatformHttpProperties.Admission#maxConcurrent()} API requests at once (a Resilience4j
 * semaphore bulkhead); one over the limit waits up to {@code maxWait} for a place and is otherwise answered 503
 * {@code service-overloaded} with {@code Retry-After}. Offered more than it can do, the service then answers the
 * requests it took at its usual latency and refuses the rest at once, instead of letting every request wait in a
 * queue until clients give up. Paths outside {@code /api/} (errors, documentation) are not limited.
 */
public class AdmissionFilter extends OncePerRequestFilter {

    static final String API_PREFIX = "/api/";

    private final PlatformHttpProperties.Admission admission;
    private final Bulkhead bulkhead;
    private final ProblemResponseWriter problems;
    private final Counter shed;

    public AdmissionFilter(PlatformHttpProperties.Admission admission, ProblemResponseWriter problems,
                           MeterRegistry meters) {
        this.admission = admission;
        this.bulkhead = Bulkhead.of("http-admission", BulkheadConfig.custom()
                .maxConcurrentCalls(admission.maxConcurrent())
                .maxWaitDuration(admission.maxWait())
                .build());
        this.problems = problems;
        this.shed = Counter.builder("dealflow.http.requests.shed")
                .description("API requests answered 503 service-overloaded: more were in progress than admitted")
                .register(meters);
        Bulkhead.Metrics metrics = bulkhead.getMetrics();
        meters.gauge("dealflow.http.requests.admitted.free", metrics, Bulkhead.Metrics::getAvailableConcurrentCalls);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(API_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!bulkhead.tryAcquirePermission()) {
            shed.increment();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(admission.retryAfterSeconds()));
            problems.write(request, response, Problems.overloaded(admission.maxConcurrent()));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            bulkhead.onComplete();
        }
    }
}
