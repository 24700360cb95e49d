package org.fogcompute.api.balancing;

import java.time.Instant;

/** A node's circuit breaker as operators see it. */
public record CircuitState(String nodeId, State state, Health health, int consecutiveFailures, long failures,
                           long successes, Instant openedAt, Instant retryAt) {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** HEALTHY: no recent failure; DEGRADED: failing but still closed; UNHEALTHY: trial calls; CIRCUIT_OPEN. */
    public enum Health { HEALTHY, DEGRADED, UNHEALTHY, CIRCUIT_OPEN }
}
