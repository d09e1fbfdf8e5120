package io.dealflow.platform.web.idempotency;

import io.dealflow.api.DealflowHeaders;
import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.FieldViolation;
import io.dealflow.platform.problem.Problems;
import io.dealflow.platform.web.ProblemResponseWriter;
import io.dealflow.platform.web.idempotency.ClaimOutcome.Claimed;
import io.dealflow.platform.web.idempotency.ClaimOutcome.Completed;
import io.dealflow.platform.web.idempotency.ClaimOutcome.KeyReused;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Idempotency-Key} for {@code POST} and {@code PATCH} under {@code /api/}: the first request with a key runs
 * and its response is stored; a retry of the same request gets that response again (with
 * {@code Idempotent-Replayed: true}) without running the handler; the key on a different request, or while the first
 * is still running, is a 409. Only a final answer is kept ({@link FinalAnswers}): a 202, a 5xx, an answer that asks
 * to be retried ({@code Retry-After}) or an exception frees the key, so the same request can run again.
 *
 * <p>"The same request" means same method, path, query and body bytes ({@link RequestFingerprint}). Keys are the
 * caller's own: a key is stored under the authenticated principal, so two clients that happen to choose the same key
 * never see each other's responses. A refusal of the caller itself (401, 403) is not an outcome of the request and
 * frees the key, like a 5xx: with the right token the same request may be sent again and run.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final int MAX_KEY_LENGTH = 255;
    /** The response headers a replay repeats; others (dates, tracing) describe the first exchange only. */
    public static final List<String> REPLAYED_HEADERS =
            List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE);

    private static final Set<String> METHODS = Set.of("POST", "PATCH");
    private static final String API_PREFIX = "/api/";
    private static final String CLAIM_ATTRIBUTE = IdempotencyFilter.class.getName() + ".claim";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeyStore keys;
    private final ProblemResponseWriter problems;

    public IdempotencyFilter(IdempotencyKeyStore keys, ProblemResponseWriter problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !METHODS.contains(request.getMethod())
                || !pathOf(request).startsWith(API_PREFIX)
                || request.getHeader(DealflowHeaders.IDEMPOTENCY_KEY) == null;
    }

    /**
     * A handler that answers asynchronously (a CompletableFuture) finishes in a second dispatch; the response is
     * stored only then.
     */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            continueAsync(request, response, chain);
            return;
        }
        String key = request.getHeader(DealflowHeaders.IDEMPOTENCY_KEY);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            problems.write(request, response, Problems.invalid(
                    "The " + DealflowHeaders.IDEMPOTENCY_KEY + " header must be 1 to " + MAX_KEY_LENGTH + " non-blank characters.",
                    List.of(new FieldViolation(DealflowHeaders.IDEMPOTENCY_KEY, "must be 1 to " + MAX_KEY_LENGTH + " characters"))));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = RequestFingerprint.of(request.getMethod(), request.getRequestURI(),
                request.getQueryString(), body);

        ClaimOutcome outcome = keys.claim(ownKey(request, key), fingerprint);
        if (outcome instanceof Claimed claim) {
            run(claim, new CachedBodyRequest(request, body), response, chain);
        } else if (outcome instanceof Completed completed) {
            replay(completed.response(), response);
        } else if (outcome instanceof KeyReused) {
            problems.write(request, response, Problems.of(409, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                    "This " + DealflowHeaders.IDEMPOTENCY_KEY + " was already used for a different request."
                            + " Use a new key for a new request."));
        } else {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(request, response, Problems.of(409, ProblemTypes.IDEMPOTENCY_KEY_IN_FLIGHT,
                    "A request with this " + DealflowHeaders.IDEMPOTENCY_KEY + " is still being processed. Retry once it has completed."));
        }
    }

    private void run(Claimed claim, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        // For an asynchronous handler, whose response is finished (and stored) in the second dispatch.
        request.setAttribute(CLAIM_ATTRIBUTE, claim);
        request.setAttribute(IdempotentRequest.ATTRIBUTE, new IdempotentRequest(claim.key(), claim.takenOver()));
        try {
            chain.doFilter(request, capture);
        } catch (IOException | ServletException | RuntimeException failure) {
            release(claim, failure);
            throw failure;
        }
        if (!isAsyncStarted(request)) {
            finish(claim, capture);
        }
    }

    private void continueAsync(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Claimed claim = (Claimed) request.getAttribute(CLAIM_ATTRIBUTE);
        ContentCachingResponseWrapper capture =
                WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (claim != null) {
                release(claim, failure);
            }
            throw failure;
        }
        if (claim != null && capture != null && !isAsyncStarted(request)) {
            finish(claim, capture);
        }
    }

    private void finish(Claimed claim, ContentCachingResponseWrapper capture) throws IOException {
        int status = capture.getStatus();
        try {
            if (!FinalAnswers.isFinal(status, capture.getHeader(HttpHeaders.RETRY_AFTER) != null)) {
                keys.release(claim);
            } else {
                keys.complete(claim, new StoredResponse(status, replayedHeaders(capture),
                        capture.getContentAsByteArray()));
            }
        } catch (RuntimeException storeFailure) {
            // The client still gets its answer; the key stays in flight until the in-flight timeout frees it.
            log.error("Could not record the outcome of idempotency key {}", claim.key(), storeFailure);
        }
        capture.copyBodyToResponse();
    }

    /** Frees the key of a request that failed, without letting a store failure hide the request's own failure. */
    private void release(Claimed claim, Exception failure) {
        try {
            keys.release(claim);
        } catch (RuntimeException storeFailure) {
            failure.addSuppressed(storeFailure);
        }
    }

    private static Map<String, String> replayedHeaders(ContentCachingResponseWrapper capture) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = HttpHeaders.CONTENT_TYPE.equals(name) ? capture.getContentType() : capture.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        byte[] body = stored.body();
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(DealflowHeaders.IDEMPOTENT_REPLAYED, "true");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The key under the caller's name; a header cannot hold a line break, so the last one splits them. */
    private static String ownKey(HttpServletRequest request, String key) {
        Principal caller = request.getUserPrincipal();
        return caller == null ? key : caller.getName() + "\n" + key;
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
