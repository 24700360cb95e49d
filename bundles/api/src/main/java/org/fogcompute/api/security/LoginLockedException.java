package org.fogcompute.api.security;

/**
 * A login refused without checking the password: too many failed logins of this user or from this address (HTTP 429
 * with Retry-After).
 */
public class LoginLockedException extends AuthenticationException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public LoginLockedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** When the lock ends, seconds from now (at least 1). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
