package io.dealflow.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The server's RSA signing key, kept in a file: read when it exists, else generated and written (readable by the
 * owner only). A key that survives restarts keeps issued tokens valid; a key generated per machine keeps the
 * repository free of private keys.
 */
final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    private static final int KEY_SIZE = 2048;

    private SigningKey() {
    }

    static RSAKey loadOrCreate(Path file) {
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        RSAKey generated = generate();
        write(file, generated);
        log.info("Generated a new signing key {} in {}", generated.getKeyID(), file);
        return generated;
    }

    private static RSAKey read(Path file) {
        try {
            RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!key.isPrivate()) {
                throw new IllegalStateException(file + " holds a public key only; a signing key needs its private part");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not an RSA JWK: " + e.getMessage(), e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an RSA key", e);
        }
    }

    /** Written beside the target and moved in place, so a crash never leaves half a key behind. */
    private static void write(Path file, RSAKey key) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, ".signing-key", ".tmp");
            restrictToOwner(partial);
            Files.writeString(partial, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the signing key " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the data directory's ACL
        }
    }
}
