package org.fogcompute.balancer.algorithms;

import java.util.concurrent.ThreadLocalRandom;
import org.fogcompute.api.balancing.BalancingAlgorithm;
import org.fogcompute.api.balancing.EndpointPool;
import org.osgi.service.component.annotations.Component;

/** A uniformly random endpoint. */
@Component(property = BalancingAlgorithm.NAME_PROPERTY + "=random")
public final class RandomAlgorithm implements BalancingAlgorithm {
    @Override
    public int select(EndpointPool pool, String key) {
        return ThreadLocalRandom.current().nextInt(pool.size());
    }
}
