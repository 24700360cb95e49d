package org.fogcompute.rest.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
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
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, 20, 50);

    @Test
    void aFewMistakesAreFreeThenEachFailureLocksLonger() {
        for (int i = 0; i < 5; i++) {
            throttle.checkAllowed("alice", "10.0.0.1");
            throttle.failed("alice", "10.0.0.1");
        }
        assertThatCode(() -> throttle.checkAllowed("alice", "10.0.0.1")).doesNotThrowAnyException();
        throttle.failed("alice", "10.0.0.1");
        assertThatThrownBy(() -> throttle.checkAllowed("alice", "10.0.0.1")).isInstanceOfSatisfying(
                ApiException.class, e -> org.assertj.core.api.Assertions.assertThat(e.headers).containsEntry(
                        "Retry-After", "1"));
        // the same user from elsewhere is not locked by this pair
        assertThatCode(() -> throttle.checkAllowed("alice", "10.0.0.2")).doesNotThrowAnyException();
        now = now.plusSeconds(1);
        throttle.checkAllowed("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        assertThatThrownBy(() -> throttle.checkAllowed("alice", "10.0.0.1")).isInstanceOfSatisfying(
                ApiException.class, e -> org.assertj.core.api.Assertions.assertThat(e.headers).containsEntry(
                        "Retry-After", "2"));
        now = now.plus(Duration.ofSeconds(2));
        throttle.succeeded("alice", "10.0.0.1");
        assertThatCode(() -> throttle.checkAllowed("alice", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void oneAddressGuessingManyUsersIsLockedAndTheLockIsBounded() {
        for (int i = 0; i <= 20 + 40; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThatThrownBy(() -> throttle.checkAllowed("someone-new", "10.0.0.9")).isInstanceOf(ApiException.class);
        now = now.plus(LoginThrottle.MAX_LOCK);
        assertThatCode(() -> throttle.checkAllowed("someone-new", "10.0.0.9")).doesNotThrowAnyException();
    }
}
