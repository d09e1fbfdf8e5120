package io.dealflow.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.dealflow.api.access.AccessClaims;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Tokens made with the test authorization server's own signing key (read from the file it keeps it in), for what
 * the server would never issue: a client restricted to one department with any role, and the forgeries every
 * service must refuse. They go through each service's real validation, as any token does.
 */
public final class TokenForge {

    private final String issuer;
    private final RSAKey key;

    TokenForge(String issuer, RSAKey key) {
        this.issuer = issuer;
        this.key = key;
    }

    /** A valid token, as the issuer would make for a client with these roles and departments. */
    public String token(String clientId, List<String> roles, List<String> departments) {
        return sign(key, claims(clientId, roles, departments).build());
    }

    public String forged(Forgery forgery, String clientId, List<String> roles, List<String> departments) {
        JWTClaimsSet.Builder claims = claims(clientId, roles, departments);
        return switch (forgery) {
            case SIGNED_BY_ANOTHER_KEY -> sign(anotherKeyWithTheSameId(), claims.build());
            case EXPIRED -> sign(key, claims.issueTime(ago(Duration.ofMinutes(25)))
                    .notBeforeTime(ago(Duration.ofMinutes(25))).expirationTime(ago(Duration.ofMinutes(10))).build());
            case UNSIGNED -> new PlainJWT(claims.build()).serialize();
            case OTHER_AUDIENCE -> sign(key, claims.audience("another-api").build());
            case OTHER_ISSUER -> sign(key, claims.issuer("http://127.0.0.1:1/another-issuer").build());
        };
    }

    private JWTClaimsSet.Builder claims(String clientId, List<String> roles, List<String> departments) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(clientId)
                .audience(AccessClaims.AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .claim(AccessClaims.CLIENT_ID.get(0), clientId)
                .claim(AccessClaims.ROLES, roles)
                .claim(AccessClaims.DEPARTMENTS, departments);
    }

    private RSAKey anotherKeyWithTheSameId() {
        try {
            return new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }

    private static Date ago(Duration duration) {
        return Date.from(Instant.now().minus(duration));
    }
}
