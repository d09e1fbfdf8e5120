package io.dealflow.platform.problem;

/** Looks through an exception's cause chain, because frameworks wrap the exception that matters. */
public final class Causes {

    /** Deep enough for any real wrapping, and a guard against cause cycles. */
    private static final int MAX_DEPTH = 16;

    private Causes() {
    }

    /** The first throwable in {@code failure}'s cause chain (itself included) of the given type, or null. */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }
}
