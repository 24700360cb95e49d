package org.fogcompute.security.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.fogcompute.api.security.AuthenticationException;
import org.fogcompute.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's users: the JAAS realm that checks their passwords (Karaf's "karaf" realm by default, the same users
 * that log in to the shell and the web console), with its first admin created. Registered only once both hold, so
 * that the token service, and with it the ready line, waits for a realm that can log someone in: on a busy machine
 * Karaf registers its realm well after our bundles start, and a login before it was refused as a wrong password.
 * Karaf's realms carry no service property naming them, so the reference takes every realm (greedy: a newcomer
 * re-activates this) and, should another realm come first, activation fails until the configured one is there.
 */
@Component(service = UserRealm.class, immediate = true, configurationPid = SecuritySettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class UserRealm {
    private static final Logger LOG = LoggerFactory.getLogger(UserRealm.class);

    private final JaasPasswordCheck passwords;
    private final java.nio.file.Path usersFile;
    private final Decoy decoy;
    private final UserVersions versions;
    private final PlainPasswordHasher hasher;

    @Activate
    public UserRealm(SecuritySettings settings,
                     @Reference(name = "realms", cardinality = ReferenceCardinality.AT_LEAST_ONE,
                             policyOption = ReferencePolicyOption.GREEDY) List<JaasRealm> realms,
                     @Reference(name = "hashing", target = "(name=spring-security-crypto)") EncryptionService hashing,
                     @Reference(name = "lockout") LockoutRealm lockout) {
        JaasRealm realm = realms.stream().filter(r -> !(r instanceof LockoutRealm))
                .filter(r -> r.getName().equals(settings.realm())).max(java.util.Comparator.comparingInt(
                        JaasRealm::getRank)).orElseThrow(() -> new IllegalStateException("JAAS realm '"
                        + settings.realm() + "' is not registered yet; logins wait for it"));
        if (!lockout.ready()) {
            throw new IllegalStateException("the lockout in front of realm '" + settings.realm()
                    + "' does not see it yet; logins wait for it");
        }
        FirstAdminBootstrap.propertiesFile(realm).ifPresentOrElse(
                users -> FirstAdminBootstrap.ensureAdmin(users, hashing),
                () -> LOG.info("Realm '{}' keeps no users in a properties file; no first admin is created",
                        realm.getName()));
        String etc = System.getProperty("karaf.etc");
        OwnerOnlyFiles.restrictExisting(FirstAdminBootstrap.propertiesFile(realm).map(FirstAdminBootstrap.UsersFile::file)
                .orElse(null), etc == null ? null : java.nio.file.Path.of(etc, "host.key"));
        this.passwords = new JaasPasswordCheck(realm.getName());
        Optional<FirstAdminBootstrap.UsersFile> file = FirstAdminBootstrap.propertiesFile(realm);
        this.usersFile = file.map(FirstAdminBootstrap.UsersFile::file).orElse(null);
        this.decoy = file.map(users -> Decoy.of(hashing, users.options())).orElse(null);
        this.versions = file.map(users -> new UserVersions(users.file())).orElse(null);
        this.hasher = file.filter(users -> settings.passwords_hashed()).map(users -> new PlainPasswordHasher(
                users.file(), hashing.createEncryption(FirstAdminBootstrap.encryptionParameters(users.options()))
                        ::encryptPassword, FirstAdminBootstrap.prefix(users.options()),
                FirstAdminBootstrap.suffix(users.options()))).orElse(null);
        if (hasher != null) {
            // before the realm is offered for logins: a plain password is never what a login is checked against
            hasher.hashPlainPasswords();
            try {
                hasher.start();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot watch " + usersFile, e);
            }
        }
    }

    @Deactivate
    void stop() {
        if (hasher != null) {
            hasher.close();
        }
    }

    /**
     * The version of the user's credentials, which a token carries; empty once the user is gone. A realm that does
     * not keep its users in a file cannot say: every user has the same version there, and only expiry and logout
     * end its tokens.
     */
    Optional<String> versionOf(String username) {
        return versions == null ? Optional.of("") : versions.versionOf(username);
    }

    /**
     * The fog roles of a user whose password the realm accepts. @throws AuthenticationException otherwise, with one
     * message and, for a user the file does not have, the cost of checking a password all the same: an unknown name
     * answered in 8 ms and a wrong password in 171 ms, which told anyone which names exist.
     */
    Set<Role> rolesOf(String username, char[] password, String clientAddress) {
        try {
            return passwords.rolesOf(username, password, clientAddress);
        } catch (org.fogcompute.api.security.LoginLockedException locked) {
            throw locked;
        } catch (AuthenticationException refused) {
            if (decoy != null && username != null && !FirstAdminBootstrap.hasUser(usersFile, username)) {
                decoy.check(password);
            }
            throw refused;
        }
    }

    /** A password hash of nothing anyone knows, checked in place of a missing user's to cost the same. */
    private record Decoy(org.apache.karaf.jaas.modules.Encryption encryption, String hash) {
        static Decoy of(EncryptionService hashing, java.util.Map<String, ?> options) {
            org.apache.karaf.jaas.modules.Encryption encryption = hashing.createEncryption(
                    FirstAdminBootstrap.encryptionParameters(options));
            return new Decoy(encryption, encryption.encryptPassword(FirstAdminBootstrap.generatePassword()));
        }

        void check(char[] password) {
            encryption.checkPassword(new String(password), hash);
        }
    }
}
