package io.dealflow.platform.web;

/**
 * The version a conditional request's {@code If-Match} expects, as a handler parameter: {@code version} is null when
 * the client sent none (or {@code *}) and so accepts any version. Resolved by {@link ExpectedVersionArgumentResolver};
 * a header that is not one of our ETags is answered 412 before the handler runs.
 */
public record ExpectedVersion(Long version) {

    public static ExpectedVersion fromIfMatch(String ifMatch) {
        return new ExpectedVersion(EntityVersions.expectedVersion(ifMatch));
    }
}
