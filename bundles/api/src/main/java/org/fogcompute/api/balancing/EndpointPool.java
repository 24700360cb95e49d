package org.fogcompute.api.balancing;

/**
 * The endpoints of a pool that may take a request now (their circuit is not open), in a stable order. The version
 * changes whenever the set or a weight changes, so that an algorithm may cache what it derives (a hash ring).
 */
public interface EndpointPool {
    String name();

    int size();

    Endpoint get(int index);

    long version();

    /** Requests in flight over the whole pool. */
    long activeRequests();
}
