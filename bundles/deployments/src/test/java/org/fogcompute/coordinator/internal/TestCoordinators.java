package org.fogcompute.coordinator.internal;

import java.time.Clock;
import org.fogcompute.routing.internal.LeastLoadedStrategy;

/** A real coordinator (least-loaded routing, no events, in memory) for the deployments' tests. */
public final class TestCoordinators {
    private TestCoordinators() {
    }

    public static Coordinator leastLoaded(Clock clock) {
        RoutingStrategyRegistry strategies = new RoutingStrategyRegistry(LeastLoadedStrategy.NAME);
        strategies.add(LeastLoadedStrategy.NAME, new LeastLoadedStrategy());
        return new Coordinator(CoordinatorSettings.DEFAULTS, clock, strategies, EventSink.NONE);
    }
}
