package org.fogcompute.routing.internal;

import java.util.List;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.component.annotations.Component;

/** The eligible node with the lowest cpu load, then the lowest reserved fraction; the default strategy. */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=" + LeastLoadedStrategy.NAME)
public class LeastLoadedStrategy implements RoutingStrategy {
    public static final String NAME = "least-loaded";

    @Override
    public Node select(TaskSpec task, List<Node> candidates) {
        Node best = candidates.get(0);
        for (int i = 1, n = candidates.size(); i < n; i++) {
            Node node = candidates.get(i);
            if (Load.compare(node, best) < 0) {
                best = node;
            }
        }
        return best;
    }
}
