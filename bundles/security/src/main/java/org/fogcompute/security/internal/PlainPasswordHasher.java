package org.fogcompute.security.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hashes the plain passwords an operator types into the users file: at start, and whenever the file changes. Each
 * plain password is replaced in its own line (comments and layout kept) by the realm's hash between its prefix and
 * suffix, as Karaf's AutoEncryptionSupport did, but through {@link UsersFileWrites}: the whole file is replaced in one
 * rename, and only if nobody changed it since it was read.
 */
final class PlainPasswordHasher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlainPasswordHasher.class);
    private static final int ATTEMPTS = 10;

    private final Path file;
    private final UnaryOperator<String> hash;
    private final String prefix;
    private final String suffix;
    private WatchService watcher;
    private Thread thread;

    /** The lines of a file with the users whose passwords were hashed in it. */
    record Rewrite(String text, List<String> users) {
    }

    PlainPasswordHasher(Path file, UnaryOperator<String> hash, String prefix, String suffix) {
        this.file = file;
        this.hash = hash;
        this.prefix = prefix;
        this.suffix = suffix;
    }

    /** Hashes every plain password in the file now; returns the users whose password it hashed. */
    List<String> hashPlainPasswords() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String before = UsersFileWrites.read(file);
            Rewrite rewrite = rewrite(before, hash, prefix, suffix);
            if (rewrite.users().isEmpty()) {
                return List.of();
            }
            if (UsersFileWrites.replaceIfUnchanged(file, before, rewrite.text())) {
                LOG.info("Hashed the plain password{} of {} in {}", rewrite.users().size() == 1 ? "" : "s",
                        rewrite.users(), file);
                return rewrite.users();
            }
        }
        LOG.warn("{} kept changing while its plain passwords were hashed; they are hashed at its next change", file);
        return List.of();
    }

    /** Watches the file's directory and hashes after every change of the file, until closed. */
    void start() throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        watcher = FileSystems.getDefault().newWatchService();
        directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        Path name = file.getFileName();
        thread = new Thread(() -> {
            try {
                while (true) {
                    WatchKey key = watcher.take();
                    boolean ours = false;
                    for (WatchEvent<?> event : key.pollEvents()) {
                        ours |= name.equals(event.context());
                    }
                    key.reset();
                    if (ours) {
                        try {
                            hashPlainPasswords();
                        } catch (RuntimeException e) {
                            LOG.warn("Could not hash the plain passwords of {}: {}", file, e.toString());
                        }
                    }
                }
            } catch (ClosedWatchServiceException | InterruptedException closed) {
                // closed: the realm went away
            }
        }, "fog-users-file-hasher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        try {
            if (watcher != null) {
                watcher.close();
            }
            if (thread != null) {
                thread.join(5_000);
            }
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The file with each plain password replaced by its hash. A line is left as it is when it is a comment, a
     * group, a continuation, already hashed, or has no password.
     */
    static Rewrite rewrite(String text, UnaryOperator<String> hash, String prefix, String suffix) {
        StringBuilder out = new StringBuilder(text.length() + 256);
        List<String> users = new ArrayList<>();
        boolean continued = false;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = end < 0 ? text.substring(start) : text.substring(start, end);
            String newline = end < 0 ? "" : "\n";
            start = end < 0 ? text.length() : end + 1;
            boolean continuation = continued;
            continued = endsWithContinuation(line);
            String hashed = continuation || continued ? null : hashed(line, hash, prefix, suffix);
            if (hashed == null) {
                out.append(line).append(newline);
            } else {
                out.append(hashed).append(newline);
                users.add(keyOf(line));
            }
        }
        return new Rewrite(out.toString(), users);
    }

    /** The line with its password hashed, or null when it holds no plain password. */
    private static String hashed(String line, UnaryOperator<String> hash, String prefix, String suffix) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
            return null;
        }
        String key = keyOf(line);
        if (key == null || key.startsWith("_g_:")) {
            return null;
        }
        String value = new PropertiesLine(line).value();
        String[] parts = value.split(",", 2);
        String password = parts[0].strip();
        if (password.isEmpty() || (password.startsWith(prefix) && password.endsWith(suffix)
                && password.length() > prefix.length() + suffix.length())) {
            return null;
        }
        String roles = parts.length > 1 ? "," + parts[1] : "";
        return escapeKey(key) + " = " + escapeValue(prefix + hash.apply(password) + suffix + roles);
    }

    private static String keyOf(String line) {
        PropertiesLine parsed = new PropertiesLine(line);
        return parsed.key();
    }

    private static boolean endsWithContinuation(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** One line read as java.util.Properties reads it. */
    private record PropertiesLine(String key, String value) {
        PropertiesLine(String line) {
            this(parse(line));
        }

        private PropertiesLine(String[] keyAndValue) {
            this(keyAndValue[0], keyAndValue[1]);
        }

        private static String[] parse(String line) {
            Properties one = new Properties();
            try {
                one.load(new StringReader(line));
            } catch (IOException | IllegalArgumentException e) {
                return new String[] {null, ""};
            }
            if (one.size() != 1) {
                return new String[] {null, ""};
            }
            String key = one.stringPropertyNames().iterator().next();
            return new String[] {key, one.getProperty(key)};
        }
    }

    private static String escapeKey(String key) {
        StringBuilder out = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (c == ':' || c == '=' || c == ' ' || c == '\\' || c == '#' || c == '!') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String escapeValue(String value) {
        return value.replace("\\", "\\\\");
    }
}
