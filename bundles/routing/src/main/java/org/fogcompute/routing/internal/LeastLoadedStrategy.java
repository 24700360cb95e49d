package org.fogcompute.routing.internal;

import java.util.Iterator;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.NodeOrder;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * The eligible node with the lowest load ({@link Node#loadPercent()}: cpu use, never below the reserved share), then
 * the lowest reserved fraction. The default strategy.
 */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=" + LeastLoadedStrategy.NAME)
public class LeastLoadedStrategy implements RoutingStrategy {
    public static final String NAME = "least-loaded";

    @Override
    public Node select(TaskSpec task, Candidates candidates) {
        Iterator<Node> leastLoaded = candidates.eligible(NodeOrder.LEAST_LOADED).iterator();
        return leastLoaded.hasNext() ? leastLoaded.next() : null;
    }
}
