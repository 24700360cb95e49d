package org.fogcompute.balancer.algorithms;

import java.util.Iterator;
import java.util.concurrent.ThreadLocalRandom;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.NodeOrder;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * The balancer's least-connections for task routing: of two eligible nodes drawn at random, the one running fewer
 * tasks (the power of two choices: close to the least loaded without an ordered walk). When few nodes are eligible,
 * random draws miss; then the least loaded in order.
 */
@Component(service = RoutingStrategy.class,
        property = RoutingStrategy.NAME_PROPERTY + "=" + LeastConnectionsRouting.NAME)
public final class LeastConnectionsRouting implements RoutingStrategy {
    public static final String NAME = "least-connections";
    /** Draws for each of the two choices before falling back to the ordered walk. */
    private static final int DRAWS = 8;

    @Override
    public Node select(TaskSpec task, Candidates candidates) {
        Node first = draw(candidates, null);
        Node second = first == null ? null : draw(candidates, first);
        if (first == null || second == null) {
            Iterator<Node> leastLoaded = candidates.eligible(NodeOrder.LEAST_LOADED).iterator();
            return leastLoaded.hasNext() ? leastLoaded.next() : null;
        }
        if (first.activeTasks() != second.activeTasks()) {
            return first.activeTasks() < second.activeTasks() ? first : second;
        }
        return ThreadLocalRandom.current().nextBoolean() ? first : second;
    }

    private static Node draw(Candidates candidates, Node other) {
        int size = candidates.fleetSize();
        if (size < 2) {
            return null;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < DRAWS; i++) {
            Node node = candidates.nodeAt(random.nextInt(size));
            if (node != null && (other == null || !node.id().equals(other.id())) && candidates.isEligible(node)) {
                return node;
            }
        }
        return null;
    }
}
