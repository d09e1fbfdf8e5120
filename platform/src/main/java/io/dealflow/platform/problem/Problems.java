package io.dealflow.platform.problem;

import io.dealflow.api.ProblemTypes;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.util.List;

/** Builds RFC 9457 bodies whose {@code type} and {@code title} come from a Dealflow problem slug. */
public final class Problems {

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;
    /** Extension member that lists the offending fields of a 400. */
    public static final String ERRORS = "errors";

    private Problems() {
    }

    public static ProblemDetail of(int status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        typed(problem, slug);
        return problem;
    }

    public static ProblemDetail of(ProblemException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatusCode.valueOf(exception.status()), exception.detail());
        problem.setType(ProblemTypes.uri(exception.type()));
        problem.setTitle(exception.title());
        exception.properties().forEach(problem::setProperty);
        if (exception instanceof InvalidInputException invalid && !invalid.errors().isEmpty()) {
            problem.setProperty(ERRORS, invalid.errors());
        }
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<FieldViolation> errors) {
        ProblemDetail problem = of(400, ProblemTypes.INVALID_REQUEST, detail);
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    /** 413 for a request body over the limit; {@code maxBodyBytes} tells the client how much it may send. */
    public static ProblemDetail payloadTooLarge(long maxBodyBytes) {
        ProblemDetail problem = of(413, ProblemTypes.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBodyBytes + " bytes.");
        problem.setProperty("maxBodyBytes", maxBodyBytes);
        return problem;
    }

    /**
     * 503 for a request shed because the service already works on as many as it admits; nothing of it was read or
     * done, so the same request may be sent again after {@code Retry-After}.
     */
    public static ProblemDetail overloaded(int maxConcurrent) {
        ProblemDetail problem = of(503, ProblemTypes.SERVICE_OVERLOADED,
                "The service is working on " + maxConcurrent + " requests, as many as it takes at once; "
                        + "nothing of this one was done. Send it again after Retry-After seconds.");
        problem.setProperty("maxConcurrentRequests", maxConcurrent);
        return problem;
    }

    /** Gives a problem the Dealflow type and title of {@code slug}. */
    public static void typed(ProblemDetail problem, String slug) {
        problem.setType(ProblemTypes.uri(slug));
        problem.setTitle(ProblemTitles.forType(slug));
    }
}
