package org.fogcompute.api.security;

import java.time.Instant;

/** A single-use secret an admin hands to a device so that it can enroll as a node. */
public record JoinToken(String token, Instant expiresAt, String issuedBy) {
}
