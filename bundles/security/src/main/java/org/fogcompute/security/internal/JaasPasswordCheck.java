package org.fogcompute.security.internal;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.fogcompute.api.security.AuthenticationException;
import org.fogcompute.api.security.LoginLockedException;
import org.fogcompute.api.security.Role;

/**
 * Checks a user name and password against a JAAS realm of the runtime (Karaf's "karaf" realm by default, the same
 * users that log in to the shell and the web console) and reads the user's fog roles.
 */
final class JaasPasswordCheck {
    private final String realm;

    JaasPasswordCheck(String realm) {
        this.realm = realm;
    }

    /**
     * The user's fog roles, the password checked by the realm (and its lockout, which counts failures per client
     * address: {@code clientAddress} is named to it as Karaf's own servers name theirs).
     */
    Set<Role> rolesOf(String username, char[] password, String clientAddress) {
        if (username == null || username.isEmpty() || password == null || password.length == 0) {
            throw new AuthenticationException("username and password are required");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads the realm's login modules through the context class loader: Karaf's proxy module
        // lives on the boot class path, which an HTTP worker thread's loader does not necessarily see.
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            Subject subject = new Subject();
            if (clientAddress != null) {
                subject.getPrincipals().add(new ClientPrincipal("http", clientAddress));
            }
            LoginContext context = new LoginContext(realm, subject, callbacks -> answer(callbacks, username,
                    password));
            context.login();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Principal principal : subject.getPrincipals(RolePrincipal.class)) {
                Role.fromRealmName(principal.getName()).filter(r -> r != Role.NODE).ifPresent(roles::add);
            }
            context.logout();
            return roles;
        } catch (LockoutLoginModule.LockedOut locked) {
            throw new LoginLockedException(locked.getMessage(), locked.seconds);
        } catch (LoginException e) {
            throw new AuthenticationException("unknown user or wrong password");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void answer(Callback[] callbacks, String username, char[] password)
            throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(username);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
