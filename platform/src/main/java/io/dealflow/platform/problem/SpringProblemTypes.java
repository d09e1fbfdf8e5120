package io.dealflow.platform.problem;

import io.dealflow.api.ProblemTypes;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Which Dealflow problem type a failure that Spring MVC detected (rather than our code) belongs to. */
final class SpringProblemTypes {

    private SpringProblemTypes() {
    }

    /** The slug, or null when no Dealflow type fits and the problem stays {@code about:blank}. */
    static String slugFor(Exception failure, HttpStatusCode status) {
        if (failure instanceof HttpMessageNotReadableException) {
            return ProblemTypes.MALFORMED_REQUEST;
        }
        return switch (status.value()) {
            case 400 -> ProblemTypes.INVALID_REQUEST;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 412 -> ProblemTypes.PRECONDITION_FAILED;
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemTypes.SERVICE_UNAVAILABLE;
            default -> status.is5xxServerError() ? ProblemTypes.INTERNAL_ERROR : null;
        };
    }
}
