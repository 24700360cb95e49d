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
}
