package io.dealflow.api;

import java.net.URI;

/**
 * RFC 9457 problem types. The slug names the rule or failure; clients switch on it, so a slug never changes
 * meaning. The full type is {@link #uri(String)}.
 */
public final class ProblemTypes {

    public static final String BASE = "https://dealflow.io/problems/";

    // 400
    public static final String INVALID_REQUEST = "invalid-request";
    public static final String MALFORMED_REQUEST = "malformed-request";
    // 401: no usable bearer token (missing, expired, wrongly signed, unsigned, another issuer or audience)
    public static final String AUTHENTICATION_REQUIRED = "authentication-required";
    public static final String INVALID_TOKEN = "invalid-token";
    // 403: a valid token that may not do this; the problem names the role or department that is missing
    public static final String ROLE_REQUIRED = "role-required";
    public static final String DEPARTMENT_NOT_ALLOWED = "department-not-allowed";
    public static final String ACTOR_NOT_ALLOWED = "actor-not-allowed";
    // 404
    public static final String NOT_FOUND = "not-found";
    public static final String DEAL_NOT_FOUND = "deal-not-found";
    public static final String PIPELINE_NOT_FOUND = "pipeline-not-found";
    // 405, 406
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    // 409
    public static final String VERSION_CONFLICT = "version-conflict";
    /** A deal id chosen by the caller ({@code PUT /api/v1/deals/{id}}) is already a deal opened by another request. */
    public static final String DEAL_ID_TAKEN = "deal-id-taken";
    /** The deal exists in deal-service but this service has not seen it yet: retry after {@code Retry-After}. */
    public static final String DEAL_NOT_YET_KNOWN = "deal-not-yet-known";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    public static final String IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight";
    // 412, 413, 415, 428, 500, 503
    public static final String PRECONDITION_FAILED = "precondition-failed";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String INTERNAL_ERROR = "internal-error";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
    /** More requests at once than the service admits: shed at once, so the ones it took keep their latency. */
    public static final String SERVICE_OVERLOADED = "service-overloaded";

    // 422: funnel rules (R1, R2, R3, R10, R11)
    public static final String STAGE_SKIP_NOT_ALLOWED = "stage-skip-not-allowed";
    public static final String SKIP_REASON_REQUIRED = "skip-reason-required";
    public static final String BACKWARD_MOVE_NOT_ALLOWED = "backward-move-not-allowed";
    public static final String BACKWARD_REASON_REQUIRED = "backward-reason-required";
    public static final String ALREADY_IN_STAGE = "already-in-stage";
    public static final String UNKNOWN_STAGE = "unknown-stage";
    public static final String REQUIRED_FIELDS_MISSING = "required-fields-missing";
    public static final String DEAL_CLOSED = "deal-closed";
    public static final String WON_ONLY_FROM_LAST_STAGE = "won-only-from-last-stage";
    public static final String LOSS_REASON_REQUIRED = "loss-reason-required";
    public static final String UNKNOWN_LOSS_REASON = "unknown-loss-reason";
    public static final String LOSS_COMMENT_REQUIRED = "loss-comment-required";
    public static final String PIPELINE_DEFINITION_INVALID = "pipeline-definition-invalid";

    // imports of deal history (DESIGN §7): why a deal of the file was not imported, beside the funnel rules above
    public static final String IMPORT_ROW_INVALID = "import-row-invalid";
    public static final String IMPORT_ROWS_OUT_OF_ORDER = "import-rows-out-of-order";
    public static final String IMPORT_ROW_IN_FUTURE = "import-row-in-future";
    public static final String DEAL_ALREADY_IMPORTED = "deal-already-imported";
    public static final String IMPORT_NOT_FOUND = "import-not-found";

    // task-service (R4, R5)
    public static final String TASK_NOT_FOUND = "task-not-found";
    public static final String TASK_CLOSED = "task-closed";
    public static final String DEAL_LEFT_WITHOUT_TASK = "deal-left-without-task";

    // handoff-service (R7)
    public static final String HANDOFF_NOT_FOUND = "handoff-not-found";
    public static final String HANDOFF_NOT_FAILED = "handoff-not-failed";
    /** A handoff's route names nobody to receive the deal (kept on the handoff; a retry that still finds nobody). */
    public static final String NO_RECEIVER = "no-receiver";

    private ProblemTypes() {
    }

    public static URI uri(String slug) {
        return URI.create(BASE + slug);
    }
}
