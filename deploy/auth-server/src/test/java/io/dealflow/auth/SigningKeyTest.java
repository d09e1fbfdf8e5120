package io.dealflow.auth;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void aKeyGeneratedOnFirstStartIsTheKeyOfEveryStartAfter() {
        Path file = dataDir.resolve("auth/signing-key.json");

        RSAKey first = SigningKey.loadOrCreate(file);
        RSAKey again = SigningKey.loadOrCreate(file);

        assertThat(first.isPrivate()).isTrue();
        assertThat(again.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(again.toPublicJWK()).isEqualTo(first.toPublicJWK());
    }

    @Test
    void onlyItsOwnerMayReadTheKeyFile() throws Exception {
        Path file = dataDir.resolve("signing-key.json");
        SigningKey.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aPublicKeyAloneCannotSign() throws Exception {
        Path file = dataDir.resolve("public-only.json");
        Files.writeString(file, SigningKey.loadOrCreate(dataDir.resolve("full.json")).toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKey.loadOrCreate(file)).hasMessageContaining("private part");
    }
}
