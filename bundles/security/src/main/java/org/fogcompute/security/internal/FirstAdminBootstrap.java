package org.fogcompute.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh runtime has no usable account. At start, when the realm has no user {@code admin}, this creates it with the
 * password from the environment variable {@code FOG_ADMIN_PASSWORD}, or a generated one printed once to the console
 * and the log. The realm stores it salted and hashed (bcrypt, see {@code etc/org.apache.karaf.jaas.cfg}). The groups
 * that grant the fog roles are created alongside, so that an admin can add users with
 * {@code jaas:group-add <user> operatorgroup}. Deleting the admin user and restarting sets a new admin password: the
 * way back in when it is lost.
 */
@Component(configurationPid = SecuritySettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class FirstAdminBootstrap {
    static final String ADMIN = "admin";
    static final String PASSWORD_VARIABLE = "FOG_ADMIN_PASSWORD";
    static final int MIN_PASSWORD_LENGTH = 8;
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdminBootstrap.class);
    private static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";

    /** Group name → roles: Karaf's own admin roles plus ours; every group may open the SSH shell. */
    static final Map<String, List<String>> GROUPS = Map.of(
            "admingroup", List.of("admin", "manager", "viewer", "systembundles", "ssh"),
            "operatorgroup", List.of("operator", "viewer", "ssh"),
            "viewergroup", List.of("viewer", "ssh"));

    private final EncryptionService hashing;

    @Activate
    public FirstAdminBootstrap(SecuritySettings settings,
                               @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE) List<JaasRealm> realms,
                               @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE)
                               List<BackingEngineFactory> engines,
                               @Reference(target = "(name=spring-security-crypto)") EncryptionService hashing) {
        this.hashing = hashing;
        Optional<UsersFile> found = propertiesFile(settings.realm(), realms, engines);
        if (found.isEmpty()) {
            LOG.info("Realm '{}' keeps no users in a properties file; no first admin is created", settings.realm());
            return;
        }
        ensureGroups(found.get().file());
        if (found.get().engine().lookupUser(ADMIN) == null) {
            createAdmin(found.get(), hashing, System.getenv(PASSWORD_VARIABLE));
        }
    }

    /** The realm's properties-file entry: the file with the users, and the engine that edits it. */
    record UsersFile(Path file, BackingEngine engine, Map<String, ?> options) {
    }

    static Optional<UsersFile> propertiesFile(String realmName, List<JaasRealm> realms,
                                              List<BackingEngineFactory> engines) {
        for (JaasRealm realm : realms) {
            if (!realm.getName().equals(realmName)) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                // Karaf wraps each module in its ProxyLoginModule and names the real one in an option
                Object proxied = entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
                String module = proxied == null ? entry.getLoginModuleName() : proxied.toString();
                Object users = entry.getOptions().get("users");
                if (!PROPERTIES_MODULE.equals(module) || users == null) {
                    continue;
                }
                for (BackingEngineFactory factory : engines) {
                    if (module.equals(factory.getModuleClass())) {
                        Map<String, ?> options = entry.getOptions();
                        return Optional.of(new UsersFile(Path.of(users.toString()), factory.build(options),
                                options));
                    }
                }
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
            String separator = content.isEmpty() || content.endsWith("\n") ? "" : "\n";
            Files.writeString(usersFile, separator + missing, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the fog groups to " + usersFile, e);
        }
    }

    /**
     * Appends the admin, password hashed and group given, as one line in one write: created with the backing
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
        try {
            String content = Files.exists(users.file()) ? Files.readString(users.file()) : "";
            String separator = content.isEmpty() || content.endsWith("\n") ? "" : "\n";
            Files.writeString(users.file(), separator + line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the admin user to " + users.file(), e);
        }
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
        Map<String, String> parameters = new java.util.HashMap<>();
        options.forEach((key, value) -> {
            if (key.startsWith("encryption.") && value != null) {
                String name = key.substring("encryption.".length());
                if (!List.of("enabled", "name", "prefix", "suffix").contains(name)) {
                    parameters.put(name, value.toString());
                }
            }
        });
        Object prefix = options.get("encryption.prefix");
        Object suffix = options.get("encryption.suffix");
        return (prefix == null ? "{CRYPT}" : prefix) + hashing.createEncryption(parameters).encryptPassword(password)
                + (suffix == null ? "{CRYPT}" : suffix);
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
