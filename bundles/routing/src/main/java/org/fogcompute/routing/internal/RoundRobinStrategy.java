package org.fogcompute.routing.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Rotates over the eligible nodes in registration order: three nodes and three tasks give each node one task. Starts
 * after the node chosen last and skips ineligible ones, so a decision costs a few steps on a healthy fleet.
 */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=" + RoundRobinStrategy.NAME)
public class RoundRobinStrategy implements RoutingStrategy {
    public static final String NAME = "round-robin";
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Node select(TaskSpec task, Candidates candidates) {
        int size = candidates.fleetSize();
        int start = next.get();
        for (int step = 0; step < size; step++) {
            int position = Math.floorMod(start + step, size);
            Node node = candidates.nodeAt(position);
            if (candidates.isEligible(node)) {
                next.set(position + 1);
                return node;
            }
        }
        return null;
    }
}
