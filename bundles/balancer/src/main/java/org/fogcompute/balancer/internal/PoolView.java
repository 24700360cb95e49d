package org.fogcompute.balancer.internal;

import org.fogcompute.api.balancing.Endpoint;
import org.fogcompute.api.balancing.EndpointPool;

/** An immutable view of the endpoints of a pool that may take requests, handed to algorithms. */
final class PoolView implements EndpointPool {
    private final String name;
    private final ReplicaEndpoint[] endpoints;
    private final long version;
    private final java.util.concurrent.atomic.AtomicLong inFlight;

    PoolView(String name, ReplicaEndpoint[] endpoints, long version, java.util.concurrent.atomic.AtomicLong inFlight) {
        this.name = name;
        this.endpoints = endpoints;
        this.version = version;
        this.inFlight = inFlight;
    }

    @Override
    public long activeRequests() {
        return inFlight.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return endpoints.length;
    }

    @Override
    public Endpoint get(int index) {
        return endpoints[index];
    }

    ReplicaEndpoint replica(int index) {
        return endpoints[index];
    }

    @Override
    public long version() {
        return version;
    }
}
