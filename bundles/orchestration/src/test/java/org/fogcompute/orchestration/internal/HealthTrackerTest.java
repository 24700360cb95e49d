package org.fogcompute.orchestration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fogcompute.api.services.ServiceHealth;
import org.fogcompute.api.services.ServiceHealth.Status;
import org.junit.jupiter.api.Test;

class HealthTrackerTest {
    private final HealthPolicy policy = new HealthPolicy(3, 2, 5,
            List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)));
    private final HealthTracker tracker = new HealthTracker("svc", policy);
    private Instant now = Instant.parse("2026-11-25T12:00:00Z");

    private void check(boolean ok) {
        now = now.plusSeconds(30);
        tracker.record(now, ok, false, ok ? "OK" : "down");
    }

    @Test
    void unhealthyAfterThreeFailuresHealthyAfterTwoSuccesses() {
        assertThat(tracker.snapshot().status()).isEqualTo(Status.UNKNOWN);
        check(false);
        check(false);
        assertThat(tracker.snapshot().status()).isEqualTo(Status.DEGRADED);
        check(false);
        assertThat(tracker.snapshot().status()).isEqualTo(Status.UNHEALTHY);
        check(true);
        assertThat(tracker.snapshot().status()).isEqualTo(Status.DEGRADED);
        check(true);
        assertThat(tracker.snapshot().status()).isEqualTo(Status.HEALTHY);
        assertThat(tracker.snapshot().history()).hasSize(5);
        assertThat(tracker.snapshot().uptimePercent()).isEqualTo(40.0);
        check(true);
        assertThat(tracker.snapshot().history()).as("bounded").hasSize(5);
    }

    @Test
    void aFreshServiceIsUnknownUntilItsSecondPassedCheck() {
        check(true);
        assertThat(tracker.snapshot().status()).isEqualTo(Status.UNKNOWN);
        check(true);
        assertThat(tracker.snapshot().status()).isEqualTo(Status.HEALTHY);
    }

    @Test
    void restartsBackOffTwoFourEightThenTheServiceStaysFailedUntilForced() {
        List<Duration> delays = new java.util.ArrayList<>();
        for (int round = 0; round < 5; round++) {
            check(false);
            check(false);
            check(false);
            Duration delay = tracker.nextRestart();
            if (delay != null) {
                delays.add(delay);
                assertThat(tracker.nextRestart()).as("one pending at a time").isNull();
                tracker.restarted(true);
            }
        }
        assertThat(delays).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(tracker.exhausted()).isTrue();
        assertThat(tracker.snapshot().autoRestarts()).isEqualTo(3);
        tracker.restarted(false);
        assertThat(tracker.exhausted()).isFalse();
        assertThat(tracker.snapshot().status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void theCompositeIsTheWorstKnownStatus() {
        ServiceHealth healthy = new ServiceHealth("a", Status.HEALTHY, 0, 2, 100, "OK", now, 0, false, List.of());
        ServiceHealth unknown = new ServiceHealth("b", Status.UNKNOWN, 0, 0, 0, null, null, 0, false, List.of());
        ServiceHealth degraded = new ServiceHealth("c", Status.DEGRADED, 1, 0, 50, "x", now, 0, false, List.of());
        assertThat(ServiceHealth.composite(List.of(healthy, unknown))).isEqualTo(Status.HEALTHY);
        assertThat(ServiceHealth.composite(List.of(healthy, degraded))).isEqualTo(Status.DEGRADED);
        assertThat(ServiceHealth.composite(List.of(unknown))).isEqualTo(Status.UNKNOWN);
    }
}
