package org.fogcompute.security.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first module of the realm ({@link LockoutRealm}): refuses a login of a user or from an address that
 * {@link LoginLockout} has locked, before any password is checked, and counts the outcome of every other login. It
 * never decides a login by itself: {@link #login()} answers false ("ignore me") when the attempt may go ahead, so
 * that the realm's own modules alone decide; a requisite module answering true would let a login through whose
 * password every sufficient module refused. Karaf's SSH server, its web console and the REST API name the client's
 * address in a {@link ClientPrincipal} of the subject; without one only the user's allowance counts.
 */
public final class LockoutLoginModule implements LoginModule {
    /** The option that carries the {@link LoginLockout} instance. */
    static final String LOCKOUT = "org.fogcompute.lockout";
    /** The option that says the realm this module guards is not there: every login is refused. */
    static final String NO_REALM = "org.fogcompute.lockout.no.realm";
    private static final Logger AUDIT = LoggerFactory.getLogger("fog.audit");

    private Subject subject;
    private CallbackHandler callbacks;
    private LoginLockout lockout;
    private boolean noRealm;
    private String user;
    private String address;
    private String method;
    private boolean counted;

    /** A refusal while locked, with the seconds until the lock ends. */
    static final class LockedOut extends AccountLockedException {
        private static final long serialVersionUID = 1L;
        final long seconds;

        LockedOut(long seconds) {
            super("too many failed logins for this user or address; try again in " + seconds + " s");
            this.seconds = seconds;
        }
    }

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
                           Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.lockout = (LoginLockout) options.get(LOCKOUT);
        this.noRealm = Boolean.TRUE.equals(options.get(NO_REALM));
    }

    @Override
    public boolean login() throws LoginException {
        if (noRealm || lockout == null) {
            throw new LoginException("the user realm is not started yet; try again in a moment");
        }
        NameCallback name = new NameCallback("Username: ");
        try {
            callbacks.handle(new Callback[] {name});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot read the user name: " + e.getMessage());
        }
        user = name.getName() == null ? "" : name.getName();
        ClientPrincipal client = subject == null ? null : subject.getPrincipals(ClientPrincipal.class).stream()
                .findFirst().orElse(null);
        method = client == null ? "unknown" : client.getMethod();
        address = client == null ? null : hostOf(client.getAddress());
        long seconds = lockout.lockedForSeconds(user, address);
        if (seconds > 0) {
            AUDIT.warn("{} fog login of '{}' from {} refused unchecked over {}: locked after repeated failures,"
                    + " {} s left", Instant.now(), printable(user), address, method, seconds);
            throw new LockedOut(seconds);
        }
        counted = true;
        return false;
    }

    @Override
    public boolean commit() {
        if (counted) {
            lockout.succeeded(user, address);
            counted = false;
        }
        return false;
    }

    @Override
    public boolean abort() {
        if (counted) {
            lockout.failed(user, address);
            AUDIT.warn("{} fog failed login of '{}' from {} over {}", Instant.now(), printable(user), address,
                    method);
            counted = false;
        }
        return false;
    }

    @Override
    public boolean logout() {
        return false;
    }

    /**
     * The host of a client address as Karaf's servers write it ({@code /10.0.0.1:52344}, {@code 10.0.0.1:52344},
     * {@code /[::1]:52344}): a client's port changes with every connection and must not make it a new address.
     */
    static String hostOf(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String host = address.trim();
        if (host.startsWith("/")) {
            host = host.substring(1);
        }
        int slash = host.indexOf('/');
        if (slash >= 0) {
            // "name/10.0.0.1:52344": the numeric part counts
            host = host.substring(slash + 1);
        }
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(1, end) : host;
        }
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(':') == colon) {
            return host.substring(0, colon);
        }
        return host;
    }

    /** A user name as typed, safe for one log line. */
    static String printable(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
