package org.fogcompute.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions ended by a logout, each until its last token would have expired anyway; kept in a file of the data
 * directory so that a restart does not bring a logged-out session back. A logout appends one line and forces it to
 * disk before it is acknowledged; expired lines are dropped when the file is read at start.
 */
final class RevokedSessions {
    private final Path file;
    private final Clock clock;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    RevokedSessions(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        load();
    }

    boolean isRevoked(String session) {
        return session != null && revoked.containsKey(session);
    }

    synchronized void revoke(String session, Instant until) {
        if (revoked.putIfAbsent(session, until) != null) {
            return;
        }
        String line = session + " " + until.getEpochSecond() + "\n";
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                out.force(true);
            }
        } catch (IOException e) {
            revoked.remove(session);
            throw new UncheckedIOException("cannot record the logout in " + file, e);
        }
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        Instant now = clock.instant();
        StringBuilder kept = new StringBuilder();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] parts = line.trim().split(" ");
                if (parts.length != 2) {
                    continue;
                }
                try {
                    Instant until = Instant.ofEpochSecond(Long.parseLong(parts[1]));
                    if (until.isAfter(now)) {
                        revoked.put(parts[0], until);
                        kept.append(parts[0]).append(' ').append(parts[1]).append('\n');
                    }
                } catch (NumberFormatException torn) {
                    // a line cut by a crash mid-write: its logout was never acknowledged
                }
            }
            Path fresh = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(fresh, kept, StandardCharsets.US_ASCII);
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the logged-out sessions in " + file, e);
        }
    }
}
