package org.fogcompute.balancer.algorithms;

import java.util.concurrent.ThreadLocalRandom;
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
        int size = pool.size();
        if (size == 1) {
            return 0;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int a = random.nextInt(size);
        int b = random.nextInt(size - 1);
        if (b >= a) {
            b++;
        }
        double loadA = (pool.get(a).activeRequests() + 1) / pool.get(a).weight();
        double loadB = (pool.get(b).activeRequests() + 1) / pool.get(b).weight();
        if (loadA == loadB) {
            return random.nextBoolean() ? a : b;
        }
        return loadA < loadB ? a : b;
    }
}
