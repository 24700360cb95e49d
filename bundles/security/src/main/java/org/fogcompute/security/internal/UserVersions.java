package org.fogcompute.security.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The version of each user's credentials in a properties-file realm: a digest of the user's line (password hash,
 * roles, groups) and of the lines of its groups. A token carries the version it was issued against, so deleting a
 * user, changing its password or groups, or changing a group's roles invalidates the user's tokens at once, across
 * restarts, with nothing stored besides the realm itself. The file is re-read only when its modification time or
 * size changes: one file-attribute read per request.
 */
final class UserVersions {
    private final Path file;
    private volatile Snapshot snapshot = new Snapshot(null, -1, new Properties());

    /** The file as last read, and the versions computed from it so far. */
    private record Snapshot(Object modified, long size, Properties users,
                            java.util.concurrent.ConcurrentHashMap<String, Optional<String>> versions) {
        Snapshot(Object modified, long size, Properties users) {
            this(modified, size, users, new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    UserVersions(Path file) {
        this.file = file;
    }

    /** The user's current version, or empty when the realm no longer has the user. */
    Optional<String> versionOf(String user) {
        Snapshot current = current();
        return current.versions().computeIfAbsent(user, u -> compute(current.users(), u));
    }

    private static Optional<String> compute(Properties users, String user) {
        String entry = users.getProperty(user);
        if (entry == null || user.startsWith("_g_:")) {
            return Optional.empty();
        }
        StringBuilder material = new StringBuilder(entry);
        for (String part : entry.split(",")) {
            String name = part.trim();
            if (name.startsWith("_g_:")) {
                material.append('\n').append(name).append('=').append(users.getProperty(name, ""));
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.toString().getBytes(
                    StandardCharsets.UTF_8));
            return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(
                    digest, 16)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private Snapshot current() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException gone) {
            return new Snapshot(null, -1, new Properties());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Snapshot seen = snapshot;
        // a file changed in the last two seconds may change again within one tick of its timestamp, with the same
        // size (a new bcrypt hash is as long as the old one): read it again until it has settled
        boolean settled = System.currentTimeMillis() - attributes.lastModifiedTime().toMillis() > 2000;
        if (settled && attributes.lastModifiedTime().equals(seen.modified()) && attributes.size() == seen.size()) {
            return seen;
        }
        Properties users = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            users.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Snapshot fresh = new Snapshot(attributes.lastModifiedTime(), attributes.size(), users);
        snapshot = fresh;
        return fresh;
    }
}
