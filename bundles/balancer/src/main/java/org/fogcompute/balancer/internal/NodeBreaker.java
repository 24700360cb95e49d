package org.fogcompute.balancer.internal;

import java.time.Instant;
import org.fogcompute.api.balancing.CircuitState;
import org.fogcompute.api.balancing.CircuitState.Health;
import org.fogcompute.api.balancing.CircuitState.State;

/**
 * One node's circuit. Transitions happen under the breaker's lock; the hot path (is a closed circuit closed?)
 * reads a volatile field without locking.
 *
 * <p>Written here rather than with Resilience4j (2.4.0 does run in OSGi): its breaker decides on a failure
 * <em>rate</em> that applies to the closed and the half-open state alike, so "open after 5 consecutive failures"
 * and "re-open on any failed trial" cannot both hold with one configuration.
 */
final class NodeBreaker {
    private final String nodeId;
    private final BreakerPolicy policy;
    private volatile State state = State.CLOSED;
    private int consecutiveFailures;
    private long failures;
    private long successes;
    private long openedAtMillis;
    private int trialsStarted;
    private int trialSuccesses;

    NodeBreaker(String nodeId, BreakerPolicy policy) {
        this.nodeId = nodeId;
        this.policy = policy;
    }

    /** Whether work may go to the node now, without taking a trial permit. */
    boolean admits(long nowMillis) {
        if (state == State.CLOSED) {
            return true;
        }
        synchronized (this) {
            moveToHalfOpenIfDue(nowMillis);
            return state == State.HALF_OPEN && trialsStarted < policy.trialPermits();
        }
    }

    /** Takes permission for one call: always when closed, one of the trial permits when half-open. */
    boolean tryAcquire(long nowMillis) {
        if (state == State.CLOSED) {
            return true;
        }
        synchronized (this) {
            moveToHalfOpenIfDue(nowMillis);
            if (state == State.HALF_OPEN && trialsStarted < policy.trialPermits()) {
                trialsStarted++;
                return true;
            }
            return state == State.CLOSED;
        }
    }

    private void moveToHalfOpenIfDue(long nowMillis) {
        if (state == State.OPEN && nowMillis >= openedAtMillis + policy.openFor().toMillis()) {
            state = State.HALF_OPEN;
            trialsStarted = 0;
            trialSuccesses = 0;
        }
    }

    /** @return true when this changed the state */
    synchronized boolean onSuccess(long nowMillis) {
        successes++;
        moveToHalfOpenIfDue(nowMillis);
        switch (state) {
            case CLOSED -> consecutiveFailures = 0;
            case HALF_OPEN -> {
                trialSuccesses++;
                if (trialSuccesses >= policy.successesToClose()) {
                    state = State.CLOSED;
                    consecutiveFailures = 0;
                    return true;
                }
            }
            default -> {
                // a late answer from before the circuit opened: counted, no transition
            }
        }
        return false;
    }

    /** @return true when this changed the state */
    synchronized boolean onFailure(long nowMillis) {
        failures++;
        moveToHalfOpenIfDue(nowMillis);
        switch (state) {
            case CLOSED -> {
                consecutiveFailures++;
                if (consecutiveFailures >= policy.failureThreshold()) {
                    open(nowMillis);
                    return true;
                }
            }
            case HALF_OPEN -> {
                consecutiveFailures++;
                open(nowMillis);
                return true;
            }
            default -> {
                // already open
            }
        }
        return false;
    }

    private void open(long nowMillis) {
        state = State.OPEN;
        openedAtMillis = nowMillis;
    }

    synchronized void reset() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialsStarted = 0;
        trialSuccesses = 0;
    }

    synchronized CircuitState snapshot(long nowMillis) {
        moveToHalfOpenIfDue(nowMillis);
        Health health = switch (state) {
            case OPEN -> Health.CIRCUIT_OPEN;
            case HALF_OPEN -> Health.UNHEALTHY;
            default -> consecutiveFailures == 0 ? Health.HEALTHY : Health.DEGRADED;
        };
        Instant opened = state == State.CLOSED ? null : Instant.ofEpochMilli(openedAtMillis);
        Instant retry = state == State.OPEN ? Instant.ofEpochMilli(openedAtMillis + policy.openFor().toMillis())
                : null;
        return new CircuitState(nodeId, state, health, consecutiveFailures, failures, successes, opened, retry);
    }

    /** The weight factor of the node's health for weighted algorithms. */
    double healthWeight() {
        State current = state;
        if (current == State.HALF_OPEN) {
            return 0.25;
        }
        if (current == State.OPEN) {
            return 0;
        }
        synchronized (this) {
            return consecutiveFailures == 0 ? 1.0 : 0.5;
        }
    }
}
