package org.fogcompute.orchestration.internal;

import java.time.Duration;
import java.util.List;

/** When a service counts as unhealthy or healthy again, how much history is kept, how restarts back off. */
record HealthPolicy(int unhealthyAfter, int healthyAfter, int historySize, List<Duration> backoff) {
    static final HealthPolicy DEFAULT = new HealthPolicy(3, 2, 100,
            List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)));

    HealthPolicy {
        if (unhealthyAfter < 1 || healthyAfter < 1 || historySize < 1) {
            throw new IllegalArgumentException("health thresholds and history size must be >= 1");
        }
        backoff = List.copyOf(backoff);
    }

    int maxRestarts() {
        return backoff.size();
    }
}
