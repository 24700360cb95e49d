package org.fogcompute.rest.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;

/**
 * A token bucket per client (Bucket4j): an authenticated user or node by its name, anyone else by address. Buckets
 * of clients idle for ten minutes are dropped (Caffeine bounds the table), so a flood of addresses cannot grow it
 * without limit.
 */
final class RateLimiter {
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Bandwidth authenticated;
    private final Bandwidth anonymous;

    RateLimiter(long perSecond, long burst, long anonymousPerSecond, long anonymousBurst) {
        this.authenticated = bandwidth(perSecond, burst);
        this.anonymous = bandwidth(anonymousPerSecond, anonymousBurst);
    }

    private static Bandwidth bandwidth(long perSecond, long burst) {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate limits must be positive, got " + perSecond + "/s burst " + burst);
        }
        return Bandwidth.builder().capacity(Math.max(burst, perSecond)).refillGreedy(perSecond, Duration.ofSeconds(1))
                .build();
    }

    /** Takes one request from the client's bucket, or answers 429 with Retry-After in whole seconds. */
    void charge(String client, boolean isAuthenticated) {
        Bandwidth limit = isAuthenticated ? authenticated : anonymous;
        Bucket bucket = buckets.get(client, key -> Bucket.builder().addLimit(limit).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new ApiException(429, null, "too many requests from " + client + "; retry in " + seconds + " s",
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }
}
