package org.fogcompute.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * The secret that signs tokens, kept in a file readable by the runtime's user only so that tokens survive a restart.
 * Generated on first use; replacing the file invalidates every token issued before.
 */
final class SigningKey {
    static final int BYTES = 32;

    private SigningKey() {
    }

    static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                OwnerOnlyFiles.restrictExisting(file);
                return read(file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[BYTES];
            new SecureRandom().nextBytes(key);
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "signing", ".tmp");
            try {
                OwnerOnlyFiles.restrict(temporary);
                Files.write(temporary, key);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    Files.move(temporary, file);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token signing key " + file, e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        byte[] key = Files.readAllBytes(file);
        if (key.length < BYTES) {
            throw new IOException(file + " holds " + key.length + " bytes; a signing key needs at least " + BYTES);
        }
        return key;
    }
}
