package org.fogcompute.balancer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The replicas of one pool and the view of those that may take requests now. The view is rebuilt only when a
 * circuit changed state or an open circuit's wait ended, not per request: at 10,000 replicas a per-request filter
 * would cost more than the whole budget.
 */
final class Pool {
    private final String name;
    private final ReplicaEndpoint[] replicas;
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong versions;
    private volatile PoolView view;
    private volatile long builtAtChanges = -1;
    private volatile long retryAt = Long.MAX_VALUE;

    Pool(String name, ReplicaEndpoint[] replicas, AtomicLong versions) {
        this.name = name;
        this.replicas = replicas;
        this.versions = versions;
    }

    PoolView view(NodeCircuitBreakers breakers) {
        PoolView current = view;
        if (current != null && builtAtChanges == breakers.changes() && breakers.now() < retryAt) {
            return current;
        }
        synchronized (this) {
            long changes = breakers.changes();
            List<ReplicaEndpoint> admitted = new ArrayList<>(replicas.length);
            for (ReplicaEndpoint replica : replicas) {
                if (breakers.admits(replica.id())) {
                    replica.healthWeight(breakers.healthWeight(replica.id()));
                    admitted.add(replica);
                }
            }
            current = new PoolView(name, admitted.toArray(ReplicaEndpoint[]::new), versions.incrementAndGet(),
                    inFlight);
            view = current;
            builtAtChanges = changes;
            retryAt = breakers.nextRetryAt();
            return current;
        }
    }

    ReplicaEndpoint[] replicas() {
        return replicas;
    }

    void started(ReplicaEndpoint replica) {
        replica.started();
        inFlight.incrementAndGet();
    }

    void finished(ReplicaEndpoint replica, long latencyMicros) {
        replica.finished(latencyMicros);
        inFlight.decrementAndGet();
    }
}
