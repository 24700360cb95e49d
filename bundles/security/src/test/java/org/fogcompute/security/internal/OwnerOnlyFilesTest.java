package org.fogcompute.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {
    @TempDir
    Path directory;

    @Test
    void aSecretFileReadableByOthersIsRestrictedToItsOwnerAndMissingOnesAreSkipped() throws Exception {
        Path users = Files.writeString(directory.resolve("users.properties"), "bob = {CRYPT}x{CRYPT}\n");
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnlyFiles.restrictExisting(users, directory.resolve("host.key"), null);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(users))).isEqualTo("rw-------");
        assertThat(Files.readString(users)).isEqualTo("bob = {CRYPT}x{CRYPT}\n");
    }
}
