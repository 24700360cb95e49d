package org.fogcompute.balancer.algorithms;

import java.util.concurrent.ThreadLocalRandom;
import org.fogcompute.api.balancing.BalancingAlgorithm;
import org.fogcompute.api.balancing.Endpoint;
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
        double costA = cost(pool.get(a));
        double costB = cost(pool.get(b));
        if (costA == costB) {
            return random.nextBoolean() ? a : b;
        }
        return costA < costB ? a : b;
    }

    private static double cost(Endpoint endpoint) {
        return endpoint.latencyMicros() * (endpoint.activeRequests() + 1);
    }
}
