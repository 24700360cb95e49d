package org.fogcompute.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstAdminBootstrapTest {
    @TempDir
    Path directory;

    @Test
    void missingGroupsAreAppendedInKarafsFormatOnce() throws Exception {
        Path users = directory.resolve("users.properties");
        Files.writeString(users, "# comment\nbob = secret,_g_:viewergroup\n_g_\\:viewergroup = group,viewer\n");
        assertThat(FirstAdminBootstrap.ensureGroups(users)).isTrue();
        String content = Files.readString(users);
        assertThat(content).contains("_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n")
                .contains("_g_\\:operatorgroup = group,operator,viewer,ssh\n")
                .contains("_g_\\:viewergroup = group,viewer\n").doesNotContain("_g_\\:viewergroup = group,viewer,ssh");
        assertThat(FirstAdminBootstrap.ensureGroups(users)).isFalse();
        assertThat(Files.readString(users)).isEqualTo(content);
    }

    @Test
    void theAdminIsFoundAsKarafWritesItAndNotInAGroupLineOrAComment() throws Exception {
        Path users = directory.resolve("users.properties");
        assertThat(FirstAdminBootstrap.hasUser(users, "admin")).isFalse();
        Files.writeString(users, "#admin = x,_g_:admingroup\n_g_\\:admin = group,admin\nadministrator = y\n");
        assertThat(FirstAdminBootstrap.hasUser(users, "admin")).isFalse();
        Files.writeString(users, "admin = {CRYPT}abc{CRYPT},_g_:admingroup\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(FirstAdminBootstrap.hasUser(users, "admin")).isTrue();
    }

    @Test
    void generatedPasswordsAreLongAndDiffer() {
        String first = FirstAdminBootstrap.generatePassword();
        assertThat(first).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(FirstAdminBootstrap.generatePassword()).isNotEqualTo(first);
    }

    /**
     * Karaf's hashing thread reads the file while a password in it is plain, and saves its copy, password hashed,
     * after the admin was appended: the admin line is gone. The bootstrap waits for that save and adds it again.
     */
    @Test
    void anAdminOverwrittenByKarafsPasswordHashingIsAddedAgain() throws Exception {
        Path users = directory.resolve("users.properties");
        String groups = "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n"
                + "_g_\\:operatorgroup = group,operator,viewer,ssh\n_g_\\:viewergroup = group,viewer\n";
        Files.writeString(users, groups + "bob = plain-secret,_g_:viewergroup\n");
        String staleCopy = Files.readString(users);
        Thread karafHashing = new Thread(() -> {
            try {
                while (!Files.readString(users).contains("admin =")) {
                    Thread.onSpinWait();
                }
                Files.writeString(users, staleCopy.replace("plain-secret", "{CRYPT}hashed{CRYPT}"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        karafHashing.start();
        FirstAdminBootstrap.UsersFile file = new FirstAdminBootstrap.UsersFile(users, java.util.Map.of(
                "encryption.enabled", "true", "encryption.prefix", "{CRYPT}", "encryption.suffix", "{CRYPT}",
                "encryption.algorithm", "SHA-256"));
        FirstAdminBootstrap.ensureAdmin(file, new org.apache.karaf.jaas.modules.encryption.BasicEncryptionService(),
                "first-admin-password", java.time.Duration.ofSeconds(30));
        karafHashing.join(60_000);
        String content = Files.readString(users);
        assertThat(content).contains("bob = {CRYPT}hashed{CRYPT}").containsOnlyOnce("admin = {CRYPT}")
                .contains("_g_\\:viewergroup");
    }

    @Test
    void aPasswordWithoutTheEncryptionPrefixIsPlain() throws Exception {
        Path users = directory.resolve("users.properties");
        Files.writeString(users, "carol = {CRYPT}x{CRYPT},_g_:viewergroup\n");
        FirstAdminBootstrap.UsersFile file = new FirstAdminBootstrap.UsersFile(users, java.util.Map.of(
                "encryption.enabled", "true", "encryption.algorithm", "SHA-256"));
        assertThat(FirstAdminBootstrap.plainPasswordUser(file)).isNull();
        Files.writeString(users, "dave = plain,_g_:viewergroup\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(FirstAdminBootstrap.plainPasswordUser(file)).isEqualTo("dave");
    }
}
