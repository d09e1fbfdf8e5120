package io.dealflow.platform.web;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.PreconditionFailedException;

/**
 * Optimistic concurrency over HTTP: an entity's version is its strong ETag, and {@code If-Match} carries the version
 * the client last saw.
 */
public final class EntityVersions {

    private EntityVersions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header expects, or null when the client sent none (or {@code *}) and so
     * accepts any version. A value that is not one of our ETags can never match: 412.
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new PreconditionFailedException(ProblemTypes.PRECONDITION_FAILED,
                    "If-Match " + ifMatch + " is not a version of this resource; GET it for its current ETag.");
        }
    }
}
