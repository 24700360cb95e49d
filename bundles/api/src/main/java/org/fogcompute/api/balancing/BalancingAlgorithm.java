package org.fogcompute.api.balancing;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Chooses an endpoint for a request. Registered as a service with {@link #NAME_PROPERTY}; algorithms come and go
 * like routing strategies. Must be thread-safe and must not block: it runs on every request.
 */
@ConsumerType
public interface BalancingAlgorithm {
    String NAME_PROPERTY = "fog.lb.algorithm";

    /**
     * @param pool non-empty
     * @param key  the request's affinity key (a session, a user), or null
     * @return an index into {@code pool}
     */
    int select(EndpointPool pool, String key);
}
