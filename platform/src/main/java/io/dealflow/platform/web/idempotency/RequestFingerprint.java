package io.dealflow.platform.web.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same" for an idempotency key: method, path, query and the exact body bytes. Kept
 * readable (only the body is hashed) so that a reused key can be diagnosed from the table.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(String method, String path, String query, byte[] body) {
        String target = query == null || query.isEmpty() ? path : path + "?" + query;
        return method + " " + target + " sha256:" + sha256Hex(body);
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
