package io.dealflow.platform.web;

import java.io.IOException;

/**
 * Thrown while a request body is being read, once it exceeds the limit. An {@link IOException} because that is what
 * a stream may throw; JSON readers wrap it, so callers look for it in the cause chain.
 */
public class RequestBodyTooLargeException extends IOException {

    private final long maxBodyBytes;

    public RequestBodyTooLargeException(long maxBodyBytes) {
        super("Request body exceeds " + maxBodyBytes + " bytes");
        this.maxBodyBytes = maxBodyBytes;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }
}
