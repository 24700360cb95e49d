package org.fogcompute.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.junit.jupiter.api.Test;

/** The lockout module in a real JAAS login, in front of a password module flagged as Karaf's are (sufficient). */
class LockoutLoginModuleTest {
    private final LoginLockout lockout = new LoginLockout(Clock.systemUTC(), 2, 100, 100);

    /** Accepts the password "right", as Karaf's properties module does for a user in the file. */
    public static final class PasswordModule implements LoginModule {
        private CallbackHandler handler;

        @Override
        public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
                               Map<String, ?> options) {
            handler = callbackHandler;
        }

        @Override
        public boolean login() throws LoginException {
            PasswordCallback password = new PasswordCallback("Password: ", false);
            try {
                handler.handle(new Callback[] {new NameCallback("Username: "), password});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            if (!"right".equals(new String(password.getPassword()))) {
                throw new FailedLoginException("login failed");
            }
            return true;
        }

        @Override
        public boolean commit() {
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            return true;
        }
    }

    private void login(String password, String address) throws LoginException {
        Configuration realm = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {
                    new AppConfigurationEntry(LockoutLoginModule.class.getName(), LoginModuleControlFlag.REQUISITE,
                            Map.of(LockoutLoginModule.LOCKOUT, lockout, LockoutLoginModule.NO_REALM, false)),
                    new AppConfigurationEntry(PasswordModule.class.getName(), LoginModuleControlFlag.SUFFICIENT,
                            Map.of())};
            }
        };
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal("ssh", address));
        CallbackHandler answers = callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName("alice");
                } else if (callback instanceof PasswordCallback secret) {
                    secret.setPassword(password.toCharArray());
                }
            }
        };
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(getClass().getClassLoader());
        try {
            new LoginContext("karaf", subject, answers, realm).login();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void theLockoutNeverLetsAWrongPasswordThroughAndLocksAfterTheAllowance() throws Exception {
        // a requisite module that answered true would make this login succeed: the sufficient one refused
        assertThatThrownBy(() -> login("wrong", "/10.0.0.1:50001")).isInstanceOf(FailedLoginException.class);
        login("right", "/10.0.0.1:50002");
        assertThatThrownBy(() -> login("wrong", "/10.0.0.1:50003")).isInstanceOf(FailedLoginException.class);
        assertThatThrownBy(() -> login("wrong", "/10.0.0.1:50004")).isInstanceOf(FailedLoginException.class);
        assertThatThrownBy(() -> login("wrong", "/10.0.0.1:50005")).isInstanceOf(FailedLoginException.class);
        // three failures from one host (the client's port changes with each connection): locked, password unchecked
        assertThatThrownBy(() -> login("right", "/10.0.0.1:50006"))
                .isInstanceOfSatisfying(LockoutLoginModule.LockedOut.class, locked -> assertThat(locked.seconds)
                        .isPositive());
        login("right", "/10.0.0.2:50007");
    }

    @Test
    void withoutTheRealmItGuardsEveryLoginIsRefused() {
        Configuration empty = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new LockoutRealm("karaf", "1", lockout, true).getEntries();
            }
        };
        assertThat(new LockoutRealm("karaf", "1", lockout, true).ready()).isFalse();
        assertThat(empty.getAppConfigurationEntry("karaf")).hasSize(1);
        assertThat(empty.getAppConfigurationEntry("karaf")[0].getControlFlag())
                .isEqualTo(LoginModuleControlFlag.REQUIRED);
    }

    @Test
    void clientAddressesAreReducedToTheirHost() {
        assertThat(LockoutLoginModule.hostOf("/127.0.0.1:52344")).isEqualTo("127.0.0.1");
        assertThat(LockoutLoginModule.hostOf("10.1.2.3:8181")).isEqualTo("10.1.2.3");
        assertThat(LockoutLoginModule.hostOf("/[0:0:0:0:0:0:0:1]:52344")).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(LockoutLoginModule.hostOf("localhost/127.0.0.1:52344")).isEqualTo("127.0.0.1");
        assertThat(LockoutLoginModule.hostOf("::1")).isEqualTo("::1");
        assertThat(LockoutLoginModule.hostOf("10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(LockoutLoginModule.hostOf(null)).isNull();
    }
}
