package org.fogcompute.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {
    @TempDir
    Path directory;

    @Test
    void theKeyIsCreatedOwnerOnlyAndKeptAcrossLoads() throws Exception {
        Path file = directory.resolve("fog/token-signing.key");
        byte[] first = SigningKey.loadOrCreate(file);
        assertThat(first).hasSize(SigningKey.BYTES);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SigningKey.loadOrCreate(file)).isEqualTo(first);
    }
}
