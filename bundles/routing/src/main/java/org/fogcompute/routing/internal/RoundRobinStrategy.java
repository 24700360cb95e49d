package org.fogcompute.routing.internal;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Rotates over the eligible nodes in registration order: three nodes and three tasks give each node one task. Starts
 * after the node chosen last; the coordinator's rotation skips nodes that cannot host any task or the task's
 * reputation floor without visiting them, so a decision costs a few steps even when most of the fleet is ruled out.
 */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=" + RoundRobinStrategy.NAME)
public class RoundRobinStrategy implements RoutingStrategy {
    public static final String NAME = "round-robin";
    private final AtomicReference<Node> last = new AtomicReference<>();

    @Override
    public Node select(TaskSpec task, Candidates candidates) {
        Iterator<Node> rotation = candidates.eligibleInRotationAfter(last.get()).iterator();
        if (!rotation.hasNext()) {
            return null;
        }
        Node chosen = rotation.next();
        last.set(chosen);
        return chosen;
    }
}
