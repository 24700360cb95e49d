package org.fogcompute.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginLockoutTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginLockout throttle = new LoginLockout(clock, 5, 20, 50);

    @Test
    void aFewMistakesAreFreeThenEachFailureLocksLonger() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.lockedForSeconds("alice", "10.0.0.1")).isZero();
            throttle.failed("alice", "10.0.0.1");
        }
        assertThat(throttle.lockedForSeconds("alice", "10.0.0.1")).isZero();
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.lockedForSeconds("alice", "10.0.0.1")).isEqualTo(1);
        // the same user from elsewhere is not locked by this pair
        assertThat(throttle.lockedForSeconds("alice", "10.0.0.2")).isZero();
        now = now.plusSeconds(1);
        assertThat(throttle.lockedForSeconds("alice", "10.0.0.1")).isZero();
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.lockedForSeconds("alice", "10.0.0.1")).isEqualTo(2);
        now = now.plus(Duration.ofSeconds(2));
        throttle.succeeded("alice", "10.0.0.1");
        assertThat(throttle.lockedForSeconds("alice", "10.0.0.1")).isZero();
    }

    @Test
    void oneAddressGuessingManyUsersIsLockedAndTheLockIsBounded() {
        for (int i = 0; i <= 20 + 40; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThat(throttle.lockedForSeconds("someone-new", "10.0.0.9")).isPositive();
        now = now.plus(LoginLockout.MAX_LOCK);
        assertThat(throttle.lockedForSeconds("someone-new", "10.0.0.9")).isZero();
    }

    @Test
    void withoutAnAddressOnlyTheUsersOwnAllowanceCounts() {
        for (int i = 0; i < 50; i++) {
            throttle.failed("bob", null);
        }
        assertThat(throttle.lockedForSeconds("bob", null)).isZero();
        assertThat(throttle.lockedForSeconds("carol", null)).isZero();
        throttle.failed("bob", null);
        assertThat(throttle.lockedForSeconds("bob", null)).isEqualTo(1);
        assertThat(throttle.lockedForSeconds("bob", "10.0.0.3")).isEqualTo(1);
    }
}
