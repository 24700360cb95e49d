package org.fogcompute.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh runtime has no usable account: when the realm keeps its users in a properties file and has no user
 * {@code admin}, {@link #ensureAdmin} creates it with the password from the environment variable
 * {@code FOG_ADMIN_PASSWORD}, or a generated one printed once to the console and the log. The realm stores it salted
 * and hashed (bcrypt, see {@code etc/org.apache.karaf.jaas.cfg}). The groups that grant the fog roles are created
 * alongside, so that an admin can add users with {@code jaas:group-add <user> operatorgroup}. Deleting the admin
 * user and restarting sets a new admin password: the way back in when it is lost.
 */
final class FirstAdminBootstrap {
    static final String ADMIN = "admin";
    static final String PASSWORD_VARIABLE = "FOG_ADMIN_PASSWORD";
    static final int MIN_PASSWORD_LENGTH = 8;
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdminBootstrap.class);
    private static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";

    /**
     * Group name → roles: Karaf's own admin roles plus ours. Only admins and operators may open the SSH shell: a
     * viewer reads through the REST API and the web console.
     */
    static final Map<String, List<String>> GROUPS = Map.of(
            "admingroup", List.of("admin", "manager", "viewer", "systembundles", "ssh"),
            "operatorgroup", List.of("operator", "viewer", "ssh"),
            "viewergroup", List.of("viewer"));

    private FirstAdminBootstrap() {
    }

    /** Adds the fog groups and, when the realm has no admin, the first admin. */
    static void ensureAdmin(UsersFile users, EncryptionService hashing) {
        ensureGroups(users.file());
        if (!hasUser(users.file(), ADMIN)) {
            createAdmin(users, hashing, System.getenv(PASSWORD_VARIABLE));
        }
    }

    /** The realm's properties-file entry: the file with the users, and the module's options (hashing). */
    record UsersFile(Path file, Map<String, ?> options) {
    }

    /**
     * Whether the file names the user, read as the properties file it is (Karaf escapes the group prefix's colon
     * as java.util.Properties does). Read directly rather than through Karaf's backing engine, whose factory
     * registers apart from the realm and may come later.
     */
    static boolean hasUser(Path usersFile, String user) {
        return read(usersFile).containsKey(user);
    }

    private static java.util.Properties read(Path usersFile) {
        java.util.Properties users = new java.util.Properties();
        if (!Files.exists(usersFile)) {
            return users;
        }
        try (java.io.Reader in = Files.newBufferedReader(usersFile, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            users.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + usersFile, e);
        }
        return users;
    }

    /** The realm's properties-file entry, if it keeps its users in one. */
    static Optional<UsersFile> propertiesFile(JaasRealm realm) {
        for (AppConfigurationEntry entry : realm.getEntries()) {
            // Karaf wraps each module in its ProxyLoginModule and names the real one in an option
            Object proxied = entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
            String module = proxied == null ? entry.getLoginModuleName() : proxied.toString();
            Object users = entry.getOptions().get("users");
            if (PROPERTIES_MODULE.equals(module) && users != null) {
                return Optional.of(new UsersFile(Path.of(users.toString()), entry.getOptions()));
            }
        }
        return Optional.empty();
    }

    /**
     * Appends the missing group lines in Karaf's own format. Written as text rather than through the backing
     * engine: with encryption on, the engine hashes the "group" marker and, when groups already exist, has been
     * seen to write a group's roles as a user name.
     */
    static boolean ensureGroups(Path usersFile) {
        try {
            String content = Files.exists(usersFile) ? Files.readString(usersFile) : "";
            StringBuilder missing = new StringBuilder();
            GROUPS.forEach((group, roles) -> {
                if (!Pattern.compile("(?m)^_g_\\\\:" + Pattern.quote(group) + "\\s*=").matcher(content).find()) {
                    missing.append("_g_\\:").append(group).append(" = group,").append(String.join(",", roles))
                            .append('\n');
                }
            });
            if (missing.length() == 0) {
                return false;
            }
            UsersFileWrites.append(usersFile, missing.toString());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the fog groups to " + usersFile, e);
        }
    }

    /**
     * Appends the admin, password hashed and group given, as one line in one write: created with Karaf's backing
     * engine (user, then group) a login in between found an admin without roles.
     */
    static void createAdmin(UsersFile users, EncryptionService hashing, String fromEnvironment) {
        String password = fromEnvironment;
        boolean generated = false;
        if (password == null || password.isEmpty()) {
            password = generatePassword();
            generated = true;
        } else if (password.length() < MIN_PASSWORD_LENGTH) {
            LOG.error("{} is shorter than {} characters and was not used; a password was generated instead",
                    PASSWORD_VARIABLE, MIN_PASSWORD_LENGTH);
            password = generatePassword();
            generated = true;
        }
        String line = ADMIN + " = " + hashed(hashing, users.options(), password) + ",_g_:admingroup\n";
        UsersFileWrites.append(users.file(), line);
        if (generated) {
            String banner = "\n*** fog-compute: first start. User 'admin' was created with the generated password: "
                    + password + "\n*** It is shown only this once; change it with jaas:user-add after logging in,"
                    + " or set " + PASSWORD_VARIABLE + " before the first start.\n";
            System.out.println(banner);
            LOG.warn(banner);
        } else {
            LOG.info("User 'admin' created with the password from {}", PASSWORD_VARIABLE);
        }
    }

    /** The password as the realm stores it: its encryption settings (prefix, algorithm, encoding, suffix). */
    static String hashed(EncryptionService hashing, Map<String, ?> options, String password) {
        return prefix(options) + hashing.createEncryption(encryptionParameters(options)).encryptPassword(password)
                + suffix(options);
    }

    /** What marks a stored password as hashed, before it ({CRYPT} unless the realm says otherwise). */
    static String prefix(Map<String, ?> options) {
        Object prefix = options.get("encryption.prefix");
        return prefix == null ? "{CRYPT}" : prefix.toString();
    }

    /** What marks a stored password as hashed, after it. */
    static String suffix(Map<String, ?> options) {
        Object suffix = options.get("encryption.suffix");
        return suffix == null ? "{CRYPT}" : suffix.toString();
    }

    /** The login module's hashing settings (algorithm, encoding...) as the encryption service takes them. */
    static Map<String, String> encryptionParameters(Map<String, ?> options) {
        Map<String, String> parameters = new java.util.HashMap<>();
        options.forEach((key, value) -> {
            if (key.startsWith("encryption.") && value != null) {
                String name = key.substring("encryption.".length());
                if (!List.of("enabled", "name", "prefix", "suffix").contains(name)) {
                    parameters.put(name, value.toString());
                }
            }
        });
        return parameters;
    }

    static String generatePassword() {
        char[] alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
        SecureRandom random = new SecureRandom();
        char[] password = new char[20];
        for (int i = 0; i < password.length; i++) {
            password[i] = alphabet[random.nextInt(alphabet.length)];
        }
        String result = new String(password);
        Arrays.fill(password, ' ');
        return result;
    }
}
