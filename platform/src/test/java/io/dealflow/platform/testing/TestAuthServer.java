package io.dealflow.platform.testing;

import com.nimbusds.jose.jwk.RSAKey;
import io.dealflow.api.access.ClientCredentialsTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The real local authorization server (deploy/auth-server's jar) in a child JVM on a free port, one per test JVM,
 * started on first use: every service under test trusts it, and tests get their tokens from it by the
 * client-credentials grant, as any client does. Its signing key is in a file of the test's own target/, so
 * {@link #forge()} can make the tokens the server never would (expired, another audience, ...).
 */
public final class TestAuthServer {

    /** Where the auth-server jar is, when not found in the source tree above the module under test. */
    public static final String JAR_PROPERTY = "dealflow.test.auth-server-jar";
    static final String JAR_IN_TREE = "deploy/auth-server/target/auth-server.jar";

    private static TestAuthServer shared;
    private static RuntimeException failure;

    private final ServiceUnderTest process;
    private final Path keyFile;
    private final Map<DemoClient, ClientCredentialsTokens> tokens = new EnumMap<>(DemoClient.class);
    private TokenForge forge;

    private TestAuthServer(ServiceUnderTest process, Path keyFile) {
        this.process = process;
        this.keyFile = keyFile;
    }

    public static synchronized TestAuthServer shared() {
        if (failure != null) {
            throw new IllegalStateException("The test authorization server already failed to start", failure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return shared;
    }

    private static TestAuthServer start() {
        Path keyFile = Path.of(System.getProperty("user.dir"), "target", "auth-server-it", "signing-key.json");
        try {
            // a new key per run: nothing signed by an earlier run is trusted
            Files.deleteIfExists(keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceUnderTest process = ServiceUnderTest.start(ServiceUnderTest.Spec.of("auth-server", jar(),
                "DEALFLOW_AUTH_PORT"), Map.of("DEALFLOW_AUTH_KEY_FILE", keyFile.toString()));
        return new TestAuthServer(process, keyFile);
    }

    /** The issuer the services under test are pointed at, e.g. {@code http://127.0.0.1:41234}. */
    public String issuer() {
        return process.baseUrl();
    }

    /** A demo client's current token, reused until shortly before it expires. */
    public synchronized String token(DemoClient client) {
        return tokens.computeIfAbsent(client, demo -> ClientCredentialsTokens.demoClient(issuer(), demo.clientId()))
                .token();
    }

    public synchronized TokenForge forge() {
        if (forge == null) {
            try {
                forge = new TokenForge(issuer(), RSAKey.parse(Files.readString(keyFile)));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the test issuer's key " + keyFile, e);
            } catch (ParseException e) {
                throw new IllegalStateException(keyFile + " is not a JWK", e);
            }
        }
        return forge;
    }

    private static Path jar() {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve(JAR_IN_TREE);
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("No " + JAR_IN_TREE + " above " + System.getProperty("user.dir")
                + ". Build it first: ./mvnw -pl deploy/auth-server -am package -DskipTests (or set -D" + JAR_PROPERTY
                + ").");
    }
}
