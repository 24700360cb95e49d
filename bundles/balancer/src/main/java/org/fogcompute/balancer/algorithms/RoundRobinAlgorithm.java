package org.fogcompute.balancer.algorithms;

import java.util.concurrent.atomic.AtomicLong;
import org.fogcompute.api.balancing.BalancingAlgorithm;
import org.fogcompute.api.balancing.EndpointPool;
import org.osgi.service.component.annotations.Component;

/** Each endpoint in turn. */
@Component(property = BalancingAlgorithm.NAME_PROPERTY + "=round-robin")
public final class RoundRobinAlgorithm implements BalancingAlgorithm {
    private final AtomicLong next = new AtomicLong();

    @Override
    public int select(EndpointPool pool, String key) {
        return (int) Math.floorMod(next.getAndIncrement(), (long) pool.size());
    }
}
