package org.fogcompute.balancer.algorithms;

import org.fogcompute.api.balancing.BalancingAlgorithm;
import org.fogcompute.api.balancing.EndpointPool;
import org.osgi.service.component.annotations.Component;

/**
 * Two random choices compared by expected wait: latency EWMA × (requests in flight + 1). An endpoint without a
 * measurement yet counts as fast, so that new replicas get measured.
 */
@Component(property = BalancingAlgorithm.NAME_PROPERTY + "=response-time")
public final class ResponseTimeAlgorithm implements BalancingAlgorithm {
    @Override
    public int select(EndpointPool pool, String key) {
        return TwoChoices.select(pool, endpoint -> endpoint.latencyMicros() * (endpoint.activeRequests() + 1));
    }
}
