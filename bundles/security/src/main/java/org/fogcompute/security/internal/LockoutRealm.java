package org.fogcompute.security.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The realm every login of the runtime goes through (Karaf's "karaf" by default): the same realm, with
 * {@link LockoutLoginModule} in front of its modules. Karaf picks, among realms of one name, the one of highest rank;
 * this one ranks above the realm it wraps and hands on that realm's modules as they are at each login. So the SSH
 * shell, the web console, JMX and the REST API share one lockout: before, only the REST API had one, and an SSH
 * client could guess passwords as fast as the server answered.
 */
@Component(service = {JaasRealm.class, LockoutRealm.class}, property = LockoutRealm.MARKER + "=true",
        configurationPid = SecuritySettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class LockoutRealm implements JaasRealm {
    static final String MARKER = "org.fogcompute.lockout";

    private final String name;
    private final String bundleId;
    private final LoginLockout lockout;
    private final boolean passwordsHashed;

    @Reference(service = JaasRealm.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(!(" + MARKER + "=true))")
    private volatile List<JaasRealm> realms = List.of();

    @Activate
    public LockoutRealm(SecuritySettings settings, BundleContext context) {
        this(settings.realm(), Long.toString(context.getBundle().getBundleId()), new LoginLockout(Clock.systemUTC(),
                settings.login_free_failures_per_user_and_address(), settings.login_free_failures_per_address(),
                settings.login_free_failures_per_user()), settings.passwords_hashed());
    }

    LockoutRealm(String name, String bundleId, LoginLockout lockout, boolean passwordsHashed) {
        this.name = name;
        this.bundleId = bundleId;
        this.lockout = lockout;
        this.passwordsHashed = passwordsHashed;
    }

    /** For tests: the realms this one may wrap. */
    void realms(List<JaasRealm> others) {
        this.realms = List.copyOf(others);
    }

    @Override
    public String getName() {
        return name;
    }

    /** One above the realm it wraps, so that Karaf's configuration takes this one. */
    @Override
    public int getRank() {
        return wrapped().map(realm -> realm.getRank() == Integer.MAX_VALUE ? Integer.MAX_VALUE
                : realm.getRank() + 1).orElse(Integer.MIN_VALUE);
    }

    /**
     * The lockout module, then the wrapped realm's modules. Without a realm to wrap, a module that refuses every
     * login: the lockout module alone never lets anyone in, but neither should an empty realm. With hashed passwords
     * the wrapped modules check hashes ({@code encryption.enabled}), which the distribution's realm configuration
     * leaves off so that Karaf's own hashing thread does not run (see {@link UsersFileWrites}).
     */
    @Override
    public AppConfigurationEntry[] getEntries() {
        Optional<JaasRealm> wrapped = wrapped();
        List<AppConfigurationEntry> entries = new ArrayList<>();
        entries.add(lockoutEntry(wrapped.isEmpty()));
        wrapped.ifPresent(realm -> {
            for (AppConfigurationEntry entry : realm.getEntries()) {
                entries.add(passwordsHashed ? checkingHashes(entry) : entry);
            }
        });
        return entries.toArray(new AppConfigurationEntry[0]);
    }

    private static AppConfigurationEntry checkingHashes(AppConfigurationEntry entry) {
        Map<String, Object> options = new HashMap<>(entry.getOptions());
        options.put("encryption.enabled", "true");
        return new AppConfigurationEntry(entry.getLoginModuleName(), entry.getControlFlag(), options);
    }

    /** Whether the realm it wraps is there: logins through this realm check passwords. */
    boolean ready() {
        return wrapped().isPresent();
    }

    private Optional<JaasRealm> wrapped() {
        return realms.stream().filter(realm -> name.equals(realm.getName()))
                .max(Comparator.comparingInt(JaasRealm::getRank));
    }

    private AppConfigurationEntry lockoutEntry(boolean noRealm) {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, LockoutLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, bundleId);
        options.put(LockoutLoginModule.LOCKOUT, lockout);
        options.put(LockoutLoginModule.NO_REALM, noRealm);
        return new AppConfigurationEntry(ProxyLoginModule.class.getName(), noRealm ? LoginModuleControlFlag.REQUIRED
                : LoginModuleControlFlag.REQUISITE, options);
    }
}
