package io.dealflow.platform.testing;

/** Tokens a resource server must refuse with 401 although they carry an allowed role (DESIGN §6). */
public enum Forgery {
    /** Signed by a key the issuer never published (under the issuer's own key id). */
    SIGNED_BY_ANOTHER_KEY,
    /** Signed by the issuer's key, expired ten minutes ago. */
    EXPIRED,
    /** {@code alg: none}: no signature at all. */
    UNSIGNED,
    /** Signed by the issuer's key for another audience. */
    OTHER_AUDIENCE,
    /** Signed by the issuer's key, naming another issuer. */
    OTHER_ISSUER
}
