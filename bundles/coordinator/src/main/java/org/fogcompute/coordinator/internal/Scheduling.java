package org.fogcompute.coordinator.internal;

import java.util.Comparator;
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.SchedulingStrategies;

/** The queue order in force: the default scheduling strategy's, or the built-in one while none is installed. */
final class Scheduling {
    /** Priority classes (1 first), then arrival: the order pending tasks were tried in before strategies existed. */
    static final Comparator<QueuedTask> BUILT_IN_ORDER = Comparator.comparingInt(QueuedTask::priority);

    private Scheduling() {
    }

    /** The name of the strategy whose order the queue keeps, null for the built-in order. */
    static String orderName(SchedulingStrategies strategies) {
        return strategies.resolve(null).map(SchedulingStrategies.NamedStrategy::name).orElse(null);
    }

    /**
     * The order of the default strategy. A strategy's comparator that throws (a bundle being stopped mid-call) must
     * not break the queue's sorted set: its comparisons fall back to the built-in order.
     */
    static Comparator<QueuedTask> orderOf(SchedulingStrategies strategies) {
        Comparator<QueuedTask> order = strategies.resolve(null).map(named -> named.strategy().order()).orElse(null);
        if (order == null) {
            return BUILT_IN_ORDER;
        }
        return (a, b) -> {
            try {
                return order.compare(a, b);
            } catch (RuntimeException e) {
                return BUILT_IN_ORDER.compare(a, b);
            }
        };
    }
}
