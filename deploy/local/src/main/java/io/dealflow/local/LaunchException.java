package io.dealflow.local;

/** A start-up problem the user can fix; its message is the one line they see. */
final class LaunchException extends RuntimeException {

    LaunchException(String message) {
        super(message);
    }
}
