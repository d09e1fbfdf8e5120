package io.dealflow.platform.web;

import io.dealflow.platform.problem.Causes;
import io.dealflow.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies larger than {@code dealflow.http.max-body-bytes} with 413 {@code payload-too-large}: at
 * once when {@code Content-Length} says so, otherwise as soon as reading passes the limit. Keeps an oversized or
 * endless body from being buffered by the JSON reader or by the idempotency filter, which hashes whole bodies.
 */
public class RequestBodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final ProblemResponseWriter problems;

    public RequestBodySizeLimitFilter(long maxBodyBytes, ProblemResponseWriter problems) {
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("max-body-bytes must not be negative: " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(new SizeLimitedRequest(request, maxBodyBytes), response);
        } catch (IOException | ServletException | RuntimeException failure) {
            // Spring MVC answers for handlers itself; this catches readers outside it, such as other filters.
            if (Causes.find(failure, RequestBodyTooLargeException.class) == null || response.isCommitted()) {
                throw failure;
            }
            refuse(request, response);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, Problems.payloadTooLarge(maxBodyBytes));
    }
}
