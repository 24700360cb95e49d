package org.fogcompute.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Every change the runtime makes to the users file, one at a time. Karaf's own hashing thread (its
 * AutoEncryptionSupport) rewrote the file from a copy read before it hashed, and whatever was written meanwhile was
 * lost: on a busy first start that was the first admin, and nobody could log in. The distribution turns that thread
 * off ({@code encryption.enabled = false} in etc/org.apache.karaf.jaas.cfg) and {@link PlainPasswordHasher} does its
 * work through here instead; a rewrite replaces the file in one rename, and only if it still holds what was read.
 */
final class UsersFileWrites {
    private static final Object LOCK = new Object();

    private UsersFileWrites() {
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Appends a line, on a line of its own, in one write. */
    static void append(Path file, String line) {
        synchronized (LOCK) {
            try {
                String content = read(file);
                String separator = content.isEmpty() || content.endsWith("\n") ? "" : "\n";
                Files.writeString(file, separator + line, StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot add a line to " + file, e);
            }
        }
    }

    /**
     * Replaces the file's content with {@code after} if it still is {@code before}: written beside it with the same
     * permissions and renamed over it, so that a reader never sees half a file. @return false when it changed
     */
    static boolean replaceIfUnchanged(Path file, String before, String after) {
        synchronized (LOCK) {
            if (!read(file).equals(before)) {
                return false;
            }
            Path directory = file.toAbsolutePath().getParent();
            try {
                Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
                try {
                    try {
                        Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file));
                    } catch (UnsupportedOperationException notPosix) {
                        // Windows: the directory's ACL applies
                    }
                    Files.writeString(temporary, after, StandardCharsets.ISO_8859_1);
                    try {
                        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(temporary);
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rewrite " + file, e);
            }
        }
    }
}
