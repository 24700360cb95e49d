package org.fogcompute.api.cache;

/**
 * Counters of one namespace since start. {@code hits} counts reads served from memory or Redis; latencies are of
 * reads, in microseconds.
 */
public record CacheStats(String namespace, long hits, long memoryHits, long sharedHits, long misses, long loads,
                         long errors, long entries, double p50Micros, double p99Micros) {
    public double hitRate() {
        long reads = hits + misses;
        return reads == 0 ? 0 : (double) hits / reads;
    }
}
