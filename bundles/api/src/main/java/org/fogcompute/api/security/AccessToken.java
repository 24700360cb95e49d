package org.fogcompute.api.security;

import java.time.Instant;

/** A signed bearer token and when it stops being accepted. */
public record AccessToken(String token, Instant expiresAt, long expiresInSeconds) {
}
