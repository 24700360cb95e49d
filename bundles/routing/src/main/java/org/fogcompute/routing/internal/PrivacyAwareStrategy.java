package org.fogcompute.routing.internal;

import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.NodeOrder;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Onion-capable nodes only, whatever the task's privacy level: the highest reputation first, the fewest circuits on
 * ties (spreading circuit load). Leaves the task PENDING when no onion-capable node is eligible.
 */
@Component(service = RoutingStrategy.class,
        property = RoutingStrategy.NAME_PROPERTY + "=" + PrivacyAwareStrategy.NAME)
public class PrivacyAwareStrategy implements RoutingStrategy {
    public static final String NAME = "privacy-aware";

    @Override
    public Node select(TaskSpec task, Candidates candidates) {
        for (Node node : candidates.eligible(NodeOrder.MOST_REPUTABLE)) {
            if (node.spec().onionCapable()) {
                return node;
            }
        }
        return null;
    }
}
