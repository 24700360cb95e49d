package org.fogcompute.security.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that hold secrets (password hashes, the token signing key, the SSH host key) readable and writable by the
 * runtime's own user only: a distribution unpacked with the usual umask left them readable by every local account.
 */
final class OwnerOnlyFiles {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Restricts each existing file to its owner; one that cannot be changed is logged, not fatal. */
    static void restrictExisting(Path... files) {
        for (Path file : files) {
            if (file == null || !Files.isRegularFile(file)) {
                continue;
            }
            try {
                Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(current)) {
                    restrict(file);
                    LOG.info("{} was readable by others ({}); it is now readable by its owner only", file,
                            PosixFilePermissions.toString(current));
                }
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL applies
            } catch (IOException e) {
                LOG.warn("Cannot restrict {} to its owner: {}", file, e.toString());
            }
        }
    }

    /** Sets owner-only permissions on a file (a new one, before anything secret is written into it). */
    static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies
        }
    }
}
