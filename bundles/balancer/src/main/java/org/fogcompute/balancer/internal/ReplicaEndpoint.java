package org.fogcompute.balancer.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.fogcompute.api.balancing.Endpoint;

/** A replica of a pool: its capacity, its requests in flight and its latency EWMA. */
final class ReplicaEndpoint implements Endpoint {
    private final String id;
    private final double capacity;
    private final double alpha;
    private final AtomicInteger active = new AtomicInteger();
    private volatile double weight;
    private volatile double latency;

    ReplicaEndpoint(String id, double capacity, double alpha) {
        if (!(capacity > 0) || Double.isInfinite(capacity)) {
            throw new IllegalArgumentException("capacity of " + id + " must be a positive number, got " + capacity);
        }
        this.id = id;
        this.capacity = capacity;
        this.alpha = alpha;
        this.weight = capacity;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public double weight() {
        return weight;
    }

    double capacity() {
        return capacity;
    }

    void healthWeight(double factor) {
        weight = capacity * factor;
    }

    @Override
    public int activeRequests() {
        return active.get();
    }

    @Override
    public double latencyMicros() {
        return latency;
    }

    void started() {
        active.incrementAndGet();
    }

    void finished(long latencyMicros) {
        active.decrementAndGet();
        double current = latency;
        // racing updates may lose a sample; an average of recent latencies does not need every one
        latency = current == 0 ? latencyMicros : alpha * latencyMicros + (1 - alpha) * current;
    }
}
