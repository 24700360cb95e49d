package org.fogcompute.api.balancing;

/**
 * A replica as an algorithm sees it: its node id, its capacity weight times its health weight, the requests it
 * is serving now and its recent latency (EWMA).
 */
public interface Endpoint {
    String id();

    /** Capacity × health weight, > 0. */
    double weight();

    int activeRequests();

    /** Exponentially weighted moving average of recent latencies, µs; 0 before the first response. */
    double latencyMicros();
}
