package org.fogcompute.examples.spreadbyregion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Example of a third-party routing strategy: spreads work over regions, so that losing one region loses as little
 * work as possible. It picks the region whose eligible nodes run the fewest tasks, then the node there with the
 * fewest tasks.
 *
 * <p>To write your own: copy this module, change the name in the service property, build it, and drop the jar into
 * Karaf's {@code deploy/} folder. {@code fog:strategy-list} shows it at once; remove the jar and tasks that named it
 * fall back to the default strategy.
 */
@Component(service = RoutingStrategy.class,
        property = RoutingStrategy.NAME_PROPERTY + "=" + SpreadByRegionStrategy.NAME)
public class SpreadByRegionStrategy implements RoutingStrategy {
    public static final String NAME = "spread-by-region";

    @Override
    public Node select(TaskSpec task, List<Node> candidates) {
        Map<String, Integer> tasksByRegion = new HashMap<>();
        for (Node node : candidates) {
            tasksByRegion.merge(node.region(), node.activeTasks(), Integer::sum);
        }
        Node best = null;
        for (Node node : candidates) {
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
