package io.dealflow.platform.problem;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.refusal.InvalidInput;
import io.dealflow.platform.refusal.Refusal;
import io.dealflow.platform.refusal.RefusalProblems;
import io.dealflow.platform.refusal.RefusedException;
import io.dealflow.platform.web.RequestBodyTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Answers every failure of a request with an RFC 9457 {@code application/problem+json} body whose {@code type} is a
 * Dealflow problem type.
 *
 * <p>Spring MVC's own failures go through {@link ResponseEntityExceptionHandler}, which already knows the right
 * status and headers (e.g. {@code Allow} on a 405) for each; this class only retypes them, names the offending
 * fields and hides the details of server errors. {@link ProblemException}s carry their own type and status; a
 * domain's {@link RefusedException} gets its status from the service's {@link RefusalProblems} tables.
 * Ordered last, so that a service's own advice can take over any exception it cares about.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String INTERNAL_ERROR_DETAIL =
            "The server failed to process the request. The failure has been logged; retrying later may help.";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final List<RefusalProblems> refusalProblems;

    public ProblemDetailsAdvice() {
        this(List.of());
    }

    public ProblemDetailsAdvice(List<RefusalProblems> refusalProblems) {
        this.refusalProblems = List.copyOf(refusalProblems);
    }

    /** Rendered exactly as the {@link ProblemException} of the same status, type, detail and properties would be. */
    @ExceptionHandler(RefusedException.class)
    public ResponseEntity<Object> handleRefused(RefusedException failure, HttpServletRequest request) {
        Refusal refusal = failure.refusal();
        Optional<RefusalProblems.Answer> answer = refusalProblems.stream()
                .map(table -> table.answerTo(refusal))
                .flatMap(Optional::stream)
                .findFirst();
        if (answer.isEmpty()) {
            log.error("No status for the refusal {} of {} {}", refusal.getClass().getName(), request.getMethod(),
                    request.getRequestURI(), failure);
            return respond(Problems.of(500, ProblemTypes.INTERNAL_ERROR, INTERNAL_ERROR_DETAIL), new HttpHeaders(),
                    request);
        }
        ProblemDetail problem = Problems.of(answer.get().status(), answer.get().type(), refusal.detail());
        refusal.properties().forEach(problem::setProperty);
        if (refusal instanceof InvalidInput input) {
            problem.setProperty(Problems.ERRORS, List.of(new FieldViolation(input.field(), input.message())));
        }
        return respond(problem, new HttpHeaders(), request);
    }

    @ExceptionHandler(ProblemException.class)
    public ResponseEntity<Object> handleProblemException(ProblemException failure, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (failure instanceof RetryLaterException later) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
        }
        return respond(Problems.of(failure), headers, request);
    }

    /** Whatever no other handler claimed: a bug or an outage, never the client's fault. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception failure, HttpServletRequest request) {
        ProblemException wrapped = Causes.find(failure, ProblemException.class);
        if (wrapped != null) {
            return handleProblemException(wrapped, request);
        }
        RefusedException refused = Causes.find(failure, RefusedException.class);
        if (refused != null) {
            return handleRefused(refused, request);
        }
        RequestBodyTooLargeException tooLarge = Causes.find(failure, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return respond(Problems.payloadTooLarge(tooLarge.maxBodyBytes()), new HttpHeaders(), request);
        }
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), failure);
        return respond(Problems.of(500, ProblemTypes.INTERNAL_ERROR, INTERNAL_ERROR_DETAIL), new HttpHeaders(),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(failure, MalformedBodies.describe(failure), headers, status, request);
    }

    /**
     * Spring answers 500 because its method validation usually guards a service's inputs; here that input came
     * from the request, as with Bean Validation's {@code ConstraintViolationException}, so it is the client's 400.
     */
    @Override
    protected ResponseEntity<Object> handleMethodValidationException(
            MethodValidationException failure, HttpHeaders headers, HttpStatus status, WebRequest request) {
        return handleExceptionInternal(failure, null, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = Causes.find(failure, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            ProblemDetail problem = Problems.payloadTooLarge(tooLarge.maxBodyBytes());
            return super.handleExceptionInternal(failure, withInstance(problem, request), problemHeaders(null),
                    HttpStatusCode.valueOf(problem.getStatus()), request);
        }
        ProblemDetail problem = problemOf(failure, body, status);
        String slug = SpringProblemTypes.slugFor(failure, status);
        if (slug != null && isUntyped(problem)) {
            Problems.typed(problem, slug);
        }
        if (status.is5xxServerError()) {
            log.error("Request failed with {}", status.value(), failure);
            problem.setDetail(INTERNAL_ERROR_DETAIL);
        } else {
            List<FieldViolation> errors = SpringFieldViolations.of(failure);
            if (!errors.isEmpty()) {
                problem.setProperty(Problems.ERRORS, errors);
                if (problem.getDetail() == null || hasGenericDetail(failure)) {
                    problem.setDetail(InvalidInputException.summaryOf(errors));
                }
            }
        }
        return super.handleExceptionInternal(failure, withInstance(problem, request), problemHeaders(headers),
                status, request);
    }

    private ProblemDetail problemOf(Exception failure, Object body, HttpStatusCode status) {
        if (body instanceof ProblemDetail problem) {
            return problem;
        }
        if (failure instanceof ErrorResponse response) {
            ProblemDetail problem = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
            if (problem.getStatus() == status.value()) {
                return problem;
            }
        }
        return ProblemDetail.forStatus(status);
    }

    /** Spring's detail for these is a bare "Invalid request content." that names nothing. */
    private static boolean hasGenericDetail(Exception failure) {
        return failure instanceof BindingResult || failure instanceof MethodValidationResult;
    }

    private static boolean isUntyped(ProblemDetail problem) {
        return problem.getType() == null || "about:blank".equals(problem.getType().toString());
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers,
                                                  HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).headers(problemHeaders(headers)).body(problem);
    }

    private static ProblemDetail withInstance(ProblemDetail problem, WebRequest request) {
        HttpServletRequest servlet = request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
        if (servlet != null) {
            problem.setInstance(URI.create(servlet.getRequestURI()));
        }
        return problem;
    }

    /**
     * Fixed rather than negotiated: Spring would pick plain {@code application/json} for a client that accepts only
     * that, and a problem must be recognisable as one whatever the client asked for.
     */
    private static HttpHeaders problemHeaders(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        if (headers != null) {
            copy.putAll(headers);
        }
        copy.setContentType(Problems.MEDIA_TYPE);
        return copy;
    }
}
