package io.dealflow.platform.web.client;

/**
 * What a call to another Dealflow service came to, with the same meaning in every caller: the answer, a refusal
 * that stands until something changes, a thing that is not there, or one of the two answers worth trying again.
 */
public sealed interface CallOutcome<T> {

    /** Whether the same call, made again later, may succeed: a {@link Conflict} or {@link Unavailable}. */
    default boolean retryable() {
        return this instanceof Conflict || this instanceof Unavailable;
    }

    /** Every outcome but {@link Accepted}: what the other service said, or why it said nothing. */
    sealed interface Failure<T> extends CallOutcome<T> {
        RemoteProblem problem();
    }

    /** A final success (2xx other than 202) and its body. */
    record Accepted<T>(int status, T body) implements CallOutcome<T> {
    }

    /** A rule or the input refused the call (400, 403, 412, 422, a 409 that is not a race…); the type says which. */
    record Refused<T>(RemoteProblem problem) implements Failure<T> {
    }

    /** 404: what the call named does not exist; the type says what (a deal, a pipeline). */
    record NotFound<T>(RemoteProblem problem) implements Failure<T> {
    }

    /** A race that settles by itself: a concurrent change, the same key still in flight, a deal not seen yet. */
    record Conflict<T>(RemoteProblem problem) implements Failure<T> {
    }

    /** No final answer: unreachable, timed out, 5xx, 408, 429, 401 (the token is fetched anew), or a 202. */
    record Unavailable<T>(RemoteProblem problem) implements Failure<T> {
    }
}
