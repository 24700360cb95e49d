package org.fogcompute.routing.internal;

import java.util.Iterator;
import org.fogcompute.api.GeoLocation;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.NodeOrder;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Nodes in the task's preferred region first; among those (or all, when none is eligible there) the nearest by
 * great-circle distance to the task's preferred location when locations are known; otherwise, and on ties, the least
 * loaded.
 */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=" + ProximityStrategy.NAME)
public class ProximityStrategy implements RoutingStrategy {
    public static final String NAME = "proximity";

    @Override
    public Node select(TaskSpec task, Candidates candidates) {
        String region = task.preferredRegion();
        GeoLocation target = task.preferredLocation();
        if (region != null) {
            Node inRegion = target == null
                    ? first(candidates.eligibleInRegion(region, NodeOrder.LEAST_LOADED))
                    : nearest(candidates.eligibleInRegion(region, NodeOrder.REGISTRATION), target);
            if (inRegion != null) {
                return inRegion;
            }
        }
        return target == null
                ? first(candidates.eligible(NodeOrder.LEAST_LOADED))
                : nearest(candidates.eligible(NodeOrder.REGISTRATION), target);
    }

    private static Node first(Iterable<Node> nodes) {
        Iterator<Node> iterator = nodes.iterator();
        return iterator.hasNext() ? iterator.next() : null;
    }

    /** Nearest node with a known location; nodes without one come after all located nodes; ties by load. */
    private static Node nearest(Iterable<Node> nodes, GeoLocation target) {
        Node best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Node node : nodes) {
            double distance = node.spec().location() == null
                    ? Double.MAX_VALUE : target.distanceKm(node.spec().location());
            if (best == null || distance < bestDistance
                    || (distance == bestDistance && NodeOrder.LEAST_LOADED.comparator().compare(node, best) < 0)) {
                best = node;
                bestDistance = distance;
            }
        }
        return best;
    }
}
