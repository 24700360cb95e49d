package org.fogcompute.balancer.algorithms;

import org.fogcompute.api.balancing.BalancingAlgorithm;
import org.fogcompute.api.balancing.EndpointPool;
import org.osgi.service.component.annotations.Component;

/**
 * Power of two choices: of two endpoints drawn at random, the one with fewer requests in flight (per unit of
 * weight). Nearly as even as scanning for the least loaded, at constant cost and without herding.
 */
@Component(property = BalancingAlgorithm.NAME_PROPERTY + "=least-connections")
public final class LeastConnectionsAlgorithm implements BalancingAlgorithm {
    @Override
    public int select(EndpointPool pool, String key) {
        return TwoChoices.select(pool, endpoint -> (endpoint.activeRequests() + 1) / endpoint.weight());
    }
}
