package io.dealflow.platform.web.idempotency;

/**
 * Which answers an {@code Idempotency-Key} keeps and replays: only final ones. Replaying an answer that says "not
 * yet" would tell every retry the same forever, and the request would never complete.
 */
final class FinalAnswers {

    private FinalAnswers() {
    }

    /**
     * @param retryAfter whether the answer carries {@code Retry-After}: the server itself says to ask again
     */
    static boolean isFinal(int status, boolean retryAfter) {
        if (status == 202) {
            return false; // accepted for later: the outcome is not known yet
        }
        if (status >= 500) {
            return false; // the server failed; the request may succeed when sent again
        }
        if (status == 401 || status == 403) {
            return false; // a refusal of the caller, not an outcome of the request
        }
        return !retryAfter;
    }
}
