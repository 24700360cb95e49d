package org.fogcompute.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * Slows down password guessing on every surface that logs in through the realm (REST, SSH, web console, JMX; see
 * {@link LockoutLoginModule}): failures are counted per user and address together,
 * per address and per user; past a free allowance each further failure locks that key for twice as long as the last
 * (1 s, 2 s, 4 s ... at most 15 min), and while a key is locked the password is not even checked. The allowance per
 * user alone is the largest, so that someone guessing at the admin account from many addresses slows it down without
 * locking the admin out from their own address first. A success clears the user's and the pair's count. A login
 * whose address is unknown counts only against its user.
 */
final class LoginLockout {
    static final Duration MAX_LOCK = Duration.ofMinutes(15);

    private record Failures(int count, long lockedUntilMillis) {
    }

    private final Cache<String, Failures> failures = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofHours(1)).build();
    private final Clock clock;
    private final int[] free;

    /** Free failures per user and address, per address and per user. */
    LoginLockout(Clock clock, int perPair, int perAddress, int perUser) {
        if (perPair < 1 || perAddress < 1 || perUser < 1) {
            throw new IllegalArgumentException("login.free.failures.* must be at least 1");
        }
        this.clock = clock;
        this.free = new int[] {perPair, perAddress, perUser};
    }

    /** Seconds until the attempt's keys are all unlocked: 0 when it may go ahead. */
    long lockedForSeconds(String user, String address) {
        long now = clock.millis();
        long until = 0;
        for (String key : keys(user, address)) {
            Failures f = failures.getIfPresent(key);
            if (f != null) {
                until = Math.max(until, f.lockedUntilMillis());
            }
        }
        return until > now ? Math.max(1, (until - now + 999) / 1000) : 0;
    }

    void failed(String user, String address) {
        String[] keys = keys(user, address);
        long now = clock.millis();
        for (int i = 0; i < keys.length; i++) {
            int allowance = free[free.length - keys.length + i];
            failures.asMap().compute(keys[i], (key, before) -> {
                int count = before == null ? 1 : before.count() + 1;
                long lock = 0;
                if (count > allowance) {
                    int doublings = Math.min(count - allowance - 1, 30);
                    lock = Math.min(MAX_LOCK.toMillis(), 1000L << doublings);
                }
                return new Failures(count, lock == 0 ? 0 : now + lock);
            });
        }
    }

    void succeeded(String user, String address) {
        if (address != null) {
            failures.invalidate("pair:" + user + "@" + address);
        }
        failures.invalidate("user:" + user);
    }

    /** The keys an attempt counts against, in the order of {@link #free}'s allowances (the user's last). */
    private static String[] keys(String user, String address) {
        return address == null ? new String[] {"user:" + user}
                : new String[] {"pair:" + user + "@" + address, "address:" + address, "user:" + user};
    }
}
