package org.fogcompute.security.internal;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
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

    @Activate
    public FirstAdminBootstrap(SecuritySettings settings,
                               @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE) List<JaasRealm> realms,
                               @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE)
                               List<BackingEngineFactory> engines,
                               @Reference(target = "(name=spring-security-crypto)") EncryptionService hashing) {
        Optional<BackingEngine> users = propertiesEngine(settings.realm(), realms, engines);
        if (users.isEmpty()) {
            LOG.info("Realm '{}' keeps no users in a properties file; no first admin is created", settings.realm());
            return;
        }
        ensureGroups(users.get());
        if (users.get().lookupUser(ADMIN) == null) {
            createAdmin(users.get(), System.getenv(PASSWORD_VARIABLE));
        }
    }

    static Optional<BackingEngine> propertiesEngine(String realmName, List<JaasRealm> realms,
                                                    List<BackingEngineFactory> engines) {
        for (JaasRealm realm : realms) {
            if (!realm.getName().equals(realmName)) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                // Karaf wraps each module in its ProxyLoginModule and names the real one in an option
                Object proxied = entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
                String module = proxied == null ? entry.getLoginModuleName() : proxied.toString();
                if (!PROPERTIES_MODULE.equals(module)) {
                    continue;
                }
                for (BackingEngineFactory factory : engines) {
                    if (module.equals(factory.getModuleClass())) {
                        return Optional.of(factory.build(entry.getOptions()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    static void ensureGroups(BackingEngine users) {
        Set<String> existing = users.listGroups().keySet().stream().map(GroupPrincipal::getName)
                .collect(Collectors.toSet());
        GROUPS.forEach((group, roles) -> {
            if (!existing.contains(group)) {
                users.createGroup(group);
                roles.forEach(role -> users.addGroupRole(group, role));
            }
        });
    }

    static void createAdmin(BackingEngine users, String fromEnvironment) {
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
        users.addUser(ADMIN, password);
        users.addGroup(ADMIN, "admingroup");
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
