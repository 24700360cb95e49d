package org.fogcompute.api.balancing;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Spreads requests over the replicas of named pools with a pluggable algorithm, skipping nodes whose circuit is
 * open. Every acquired lease must be completed (success or failure) so that load and breakers stay true.
 */
@ProviderType
public interface LoadBalancer {
    /** Replaces the endpoints of {@code pool}: node ids with their capacity weight (> 0). */
    void setEndpoints(String pool, java.util.Map<String, Double> capacityByNode);

    /**
     * An endpoint for one request, or empty when the pool is unknown, empty or every circuit is open.
     * @param algorithm null for the default
     */
    Optional<Lease> acquire(String pool, String key, String algorithm);

    SortedSet<String> algorithms();

    String defaultAlgorithm();

    /** @throws org.fogcompute.api.NotFoundException for an unknown algorithm */
    void setDefaultAlgorithm(String name);

    /** One request on one endpoint, in flight until completed. */
    interface Lease {
        String nodeId();

        void success(long latencyMicros);

        void failure(long latencyMicros);
    }
}
