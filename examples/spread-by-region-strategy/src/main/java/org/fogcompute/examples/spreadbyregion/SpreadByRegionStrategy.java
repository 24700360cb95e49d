package org.fogcompute.examples.spreadbyregion;

import java.util.HashMap;
import java.util.Map;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.NodeOrder;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Example of a third-party routing strategy: spreads work over regions, so that losing one region loses as little
 * work as possible. It picks the region whose eligible nodes run the fewest tasks, then the node there with the
 * fewest tasks.
 *
 * <p>To write your own: copy this module, change the name in the service property, build it, and drop the jar into
 * Karaf's {@code deploy/} folder. {@code fog:strategy-list} shows it at once; remove the jar and tasks that named it
 * fall back to the default strategy. Iterating all eligible nodes, as here, is simple but linear in the fleet; the
 * indexed orders of {@link Candidates} let a strategy stop after a few nodes.
 */
@Component(service = RoutingStrategy.class,
        property = RoutingStrategy.NAME_PROPERTY + "=" + SpreadByRegionStrategy.NAME)
public class SpreadByRegionStrategy implements RoutingStrategy {
    public static final String NAME = "spread-by-region";

    @Override
    public Node select(TaskSpec task, Candidates candidates) {
        Map<String, Integer> tasksByRegion = new HashMap<>();
        for (Node node : candidates.eligible(NodeOrder.REGISTRATION)) {
            tasksByRegion.merge(node.region(), node.activeTasks(), Integer::sum);
        }
        Node best = null;
        for (Node node : candidates.eligible(NodeOrder.REGISTRATION)) {
            if (best == null || isBetter(node, best, tasksByRegion)) {
                best = node;
            }
        }
        return best;
    }

    private static boolean isBetter(Node node, Node best, Map<String, Integer> tasksByRegion) {
        int byRegion = Integer.compare(tasksByRegion.get(node.region()), tasksByRegion.get(best.region()));
        if (byRegion != 0) {
            return byRegion < 0;
        }
        return node.activeTasks() < best.activeTasks();
    }
}
