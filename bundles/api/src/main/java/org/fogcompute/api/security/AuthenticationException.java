package org.fogcompute.api.security;

import org.fogcompute.api.FogException;

/**
 * Credentials or a token were missing, wrong, expired or already used (HTTP 401). The message says which, without
 * telling which part of a user name / password pair was wrong.
 */
public class AuthenticationException extends FogException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
