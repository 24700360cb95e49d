package org.fogcompute.coordinator.internal;

import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.routing.internal.AffinityStrategy;
import org.fogcompute.routing.internal.LeastLoadedStrategy;
import org.fogcompute.routing.internal.PrivacyAwareStrategy;
import org.fogcompute.routing.internal.ProximityStrategy;
import org.fogcompute.routing.internal.RoundRobinStrategy;

/** A coordinator with the built-in strategies, a hand-moved clock and short names for building nodes and tasks. */
final class Fleet {
    final MutableClock clock = new MutableClock();
    final RoutingStrategyRegistry strategies = new RoutingStrategyRegistry(LeastLoadedStrategy.NAME);
    final Coordinator coordinator;

    Fleet() {
        this(CoordinatorSettings.DEFAULTS);
    }

    Fleet(CoordinatorSettings settings) {
        this(settings, null);
    }

    /** With a store: the coordinator restores from it before the test uses it. */
    Fleet(CoordinatorSettings settings, org.fogcompute.api.store.FleetStore store) {
        strategies.add(RoundRobinStrategy.NAME, new RoundRobinStrategy());
        strategies.add(LeastLoadedStrategy.NAME, new LeastLoadedStrategy());
        strategies.add(AffinityStrategy.NAME, new AffinityStrategy());
        strategies.add(ProximityStrategy.NAME, new ProximityStrategy());
        strategies.add(PrivacyAwareStrategy.NAME, new PrivacyAwareStrategy());
        if (store == null) {
            coordinator = new Coordinator(settings, clock, strategies, EventSink.NONE);
        } else {
            coordinator = new Coordinator(settings, clock, strategies, EventSink.NONE, store);
            coordinator.restore();
        }
    }

    static NodeSpec.Builder node(String id, int cpu, long memoryMb) {
        return NodeSpec.builder(id).capacity(cpu, memoryMb);
    }

    static TaskSpec.Builder task(String id, int cpu, long memoryMb) {
        return TaskSpec.builder().id(id).requirements(cpu, memoryMb);
    }
}
