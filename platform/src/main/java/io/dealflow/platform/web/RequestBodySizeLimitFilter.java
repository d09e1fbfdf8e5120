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
 * Paths whose handler streams the body (a CSV import) have a limit of their own.
 */
public class RequestBodySizeLimitFilter extends OncePerRequestFilter {

    private final long defaultMaxBodyBytes;
    private final PlatformHttpProperties.StreamedBodies streamed;
    private final ProblemResponseWriter problems;

    public RequestBodySizeLimitFilter(long maxBodyBytes, PlatformHttpProperties.StreamedBodies streamed,
                                      ProblemResponseWriter problems) {
        if (maxBodyBytes < 0 || streamed.maxBodyBytes() < 0) {
            throw new IllegalArgumentException("max-body-bytes must not be negative: " + maxBodyBytes);
        }
        this.defaultMaxBodyBytes = maxBodyBytes;
        this.streamed = streamed;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBodyBytes = streamed.limitFor(request.getRequestURI(), defaultMaxBodyBytes);
        if (request.getContentLengthLong() > maxBodyBytes) {
            refuse(request, response, maxBodyBytes);
            return;
        }
        try {
            chain.doFilter(new SizeLimitedRequest(request, maxBodyBytes), response);
        } catch (IOException | ServletException | RuntimeException failure) {
            // Spring MVC answers for handlers itself; this catches readers outside it, such as other filters.
            if (Causes.find(failure, RequestBodyTooLargeException.class) == null || response.isCommitted()) {
                throw failure;
            }
            refuse(request, response, maxBodyBytes);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long maxBodyBytes)
            throws IOException {
        problems.write(request, response, Problems.payloadTooLarge(maxBodyBytes));
    }
}
