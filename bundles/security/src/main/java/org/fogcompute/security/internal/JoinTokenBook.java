package org.fogcompute.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.security.AuthenticationException;
import org.fogcompute.api.security.JoinToken;

/**
 * Outstanding join tokens. Only a SHA-256 of each token is kept, so a heap dump reveals none; a token is taken out
 * atomically when used, so two devices racing with the same token cannot both enroll. Tokens live in memory: a
 * restart voids the outstanding ones (the admin issues new ones), it never revives a used one.
 */
final class JoinTokenBook {
    private static final String PREFIX = "fjt_";

    private final Map<String, Entry> byDigest = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;
    private final int maxOutstanding;
    private final int maxFailedAttempts;

    /** An outstanding token: until when, by whom, and how many enrollments with it failed so far. */
    record Entry(Instant expiresAt, String issuedBy, int failedAttempts) {
    }

    /** A token taken out of the book, to be put back when the enrollment it was taken for does not happen. */
    record Taken(String digest, Entry entry) {
    }

    JoinTokenBook(Clock clock, Duration lifetime, int maxOutstanding, int maxFailedAttempts) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.maxOutstanding = maxOutstanding;
        this.maxFailedAttempts = maxFailedAttempts;
    }

    JoinToken issue(String issuedBy) {
        purgeExpired();
        if (byDigest.size() >= maxOutstanding) {
            throw new ConflictException(maxOutstanding + " join tokens are outstanding already; use or let some"
                    + " expire first");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = clock.instant().plus(lifetime);
        byDigest.put(digest(token), new Entry(expiresAt, issuedBy, 0));
        return new JoinToken(token, expiresAt, issuedBy);
    }

    Taken take(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            throw new AuthenticationException("a join token is required");
        }
        String digest = digest(token);
        Entry entry = byDigest.remove(digest);
        if (entry == null) {
            throw new AuthenticationException("the join token is unknown or was used already");
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            throw new AuthenticationException("the join token has expired");
        }
        return new Taken(digest, entry);
    }

    /**
     * Puts back a token whose enrollment failed, counting the failure; returns false when that was its last allowed
     * failure and the token is void now.
     */
    boolean putBack(Taken taken) {
        Entry entry = taken.entry();
        int failed = entry.failedAttempts() + 1;
        if (failed >= maxFailedAttempts) {
            return false;
        }
        byDigest.putIfAbsent(taken.digest(), new Entry(entry.expiresAt(), entry.issuedBy(), failed));
        return true;
    }

    int outstanding() {
        purgeExpired();
        return byDigest.size();
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        byDigest.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
