package org.fogcompute.routing.internal;

import java.util.List;
import org.fogcompute.api.GeoLocation;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Nodes in the task's preferred region first; among those (or all, when none is there) the nearest by great-circle
 * distance to the task's preferred location when locations are known; otherwise, and on ties, the least loaded.
 */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=" + ProximityStrategy.NAME)
public class ProximityStrategy implements RoutingStrategy {
    public static final String NAME = "proximity";

    @Override
    public Node select(TaskSpec task, List<Node> candidates) {
        String region = task.preferredRegion();
        boolean anyInRegion = false;
        if (region != null) {
            for (int i = 0, n = candidates.size(); i < n && !anyInRegion; i++) {
                anyInRegion = region.equals(candidates.get(i).region());
            }
        }
        GeoLocation target = task.preferredLocation();
        Node best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0, n = candidates.size(); i < n; i++) {
            Node node = candidates.get(i);
            if (anyInRegion && !region.equals(node.region())) {
                continue;
            }
            double distance = target == null || node.spec().location() == null
                    ? Double.MAX_VALUE : target.distanceKm(node.spec().location());
            if (best == null || distance < bestDistance
                    || (distance == bestDistance && Load.compare(node, best) < 0)) {
                best = node;
                bestDistance = distance;
            }
        }
        return best;
    }
}
