package org.fogcompute.balancer.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.balancing.CircuitBreakers;
import org.fogcompute.api.balancing.CircuitState;

/**
 * The breakers of every node that has been given work. {@link #changes()} increases on every state change, so
 * that pools know when to recompute which of their endpoints may take requests.
 */
final class NodeCircuitBreakers implements CircuitBreakers {
    private final Map<String, NodeBreaker> breakers = new ConcurrentHashMap<>();
    private final BreakerPolicy policy;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();

    NodeCircuitBreakers(BreakerPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    NodeBreaker breaker(String nodeId) {
        return breakers.computeIfAbsent(nodeId, id -> new NodeBreaker(id, policy));
    }

    long changes() {
        return changes.get();
    }

    long now() {
        return clock.millis();
    }

    /** The earliest time an open circuit may move to half-open, or Long.MAX_VALUE. */
    long nextRetryAt() {
        long next = Long.MAX_VALUE;
        for (NodeBreaker breaker : breakers.values()) {
            CircuitState state = breaker.snapshot(clock.millis());
            if (state.retryAt() != null) {
                next = Math.min(next, state.retryAt().toEpochMilli());
            }
        }
        return next;
    }

    @Override
    public boolean admits(String nodeId) {
        NodeBreaker breaker = breakers.get(nodeId);
        return breaker == null || breaker.admits(clock.millis());
    }

    @Override
    public boolean tryAcquire(String nodeId) {
        NodeBreaker breaker = breakers.get(nodeId);
        return breaker == null || breaker.tryAcquire(clock.millis());
    }

    @Override
    public void recordSuccess(String nodeId) {
        if (breaker(nodeId).onSuccess(clock.millis())) {
            changes.incrementAndGet();
        }
    }

    @Override
    public void recordFailure(String nodeId) {
        if (breaker(nodeId).onFailure(clock.millis())) {
            changes.incrementAndGet();
        }
    }

    @Override
    public Optional<CircuitState> state(String nodeId) {
        NodeBreaker breaker = breakers.get(nodeId);
        return breaker == null ? Optional.empty() : Optional.of(breaker.snapshot(clock.millis()));
    }

    @Override
    public List<CircuitState> states() {
        List<CircuitState> all = new ArrayList<>();
        long now = clock.millis();
        breakers.values().forEach(breaker -> all.add(breaker.snapshot(now)));
        all.sort(Comparator.comparing(CircuitState::nodeId));
        return all;
    }

    @Override
    public void reset(String nodeId) {
        NodeBreaker breaker = breakers.get(nodeId);
        if (breaker == null) {
            throw new NotFoundException("no circuit for node '" + nodeId + "'");
        }
        breaker.reset();
        changes.incrementAndGet();
    }

    double healthWeight(String nodeId) {
        NodeBreaker breaker = breakers.get(nodeId);
        return breaker == null ? 1.0 : breaker.healthWeight();
    }
}
