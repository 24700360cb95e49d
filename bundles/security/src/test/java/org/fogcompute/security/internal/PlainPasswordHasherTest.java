package org.fogcompute.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainPasswordHasherTest {
    private static final UnaryOperator<String> REVERSE = password -> new StringBuilder(password).reverse().toString();

    @TempDir
    Path directory;

    @Test
    void plainPasswordsAreHashedInTheirLinesAndEverythingElseIsKept() {
        String file = "# users\n"
                + "alice = secret-1,_g_:viewergroup\n"
                + "bob = {CRYPT}abc{CRYPT},_g_:admingroup\n"
                + "_g_\\:viewergroup = group,viewer\n"
                + "\n"
                + "odd\\:name = pw,ssh\n"
                + "carol=plain\n";
        PlainPasswordHasher.Rewrite rewrite = PlainPasswordHasher.rewrite(file, REVERSE, "{CRYPT}", "{CRYPT}");
        assertThat(rewrite.users()).containsExactly("alice", "odd:name", "carol");
        assertThat(rewrite.text()).isEqualTo("# users\n"
                + "alice = {CRYPT}1-terces{CRYPT},_g_:viewergroup\n"
                + "bob = {CRYPT}abc{CRYPT},_g_:admingroup\n"
                + "_g_\\:viewergroup = group,viewer\n"
                + "\n"
                + "odd\\:name = {CRYPT}wp{CRYPT},ssh\n"
                + "carol = {CRYPT}nialp{CRYPT}\n");
        assertThat(PlainPasswordHasher.rewrite(rewrite.text(), REVERSE, "{CRYPT}", "{CRYPT}").users()).isEmpty();
    }

    /**
     * The lost update that locked everyone out: the admin is appended while the passwords are being hashed. The
     * rewrite sees the file changed, starts over, and both the hash and the admin are in the file.
     */
    @Test
    void aLineAppendedWhileHashingIsNotLost() throws Exception {
        Path users = Files.writeString(directory.resolve("users.properties"), "alice = secret,_g_:viewergroup\n");
        AtomicBoolean appended = new AtomicBoolean();
        UnaryOperator<String> slowHash = password -> {
            if (appended.compareAndSet(false, true)) {
                UsersFileWrites.append(users, "admin = {CRYPT}h{CRYPT},_g_:admingroup\n");
            }
            return REVERSE.apply(password);
        };
        PlainPasswordHasher hasher = new PlainPasswordHasher(users, slowHash, "{CRYPT}", "{CRYPT}");
        assertThat(hasher.hashPlainPasswords()).containsExactly("alice");
        assertThat(Files.readString(users)).isEqualTo("alice = {CRYPT}terces{CRYPT},_g_:viewergroup\n"
                + "admin = {CRYPT}h{CRYPT},_g_:admingroup\n");
    }

    @Test
    void aPasswordTypedIntoTheRunningFileIsHashedWithinMoments() throws Exception {
        Path users = Files.writeString(directory.resolve("users.properties"), "alice = {CRYPT}x{CRYPT}\n");
        try (PlainPasswordHasher hasher = new PlainPasswordHasher(users, REVERSE, "{CRYPT}", "{CRYPT}")) {
            hasher.start();
            Files.writeString(users, "dave = typed-in,_g_:operatorgroup\n", java.nio.file.StandardOpenOption.APPEND);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (Files.readString(users).contains("typed-in")) {
                assertThat(System.nanoTime()).as("hashed within 30 s").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
        assertThat(Files.readString(users)).contains("dave = {CRYPT}ni-depyt{CRYPT},_g_:operatorgroup");
    }
}
