package org.fogcompute.routing.internal;

import java.util.List;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
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
    public Node select(TaskSpec task, List<Node> candidates) {
        Node best = null;
        for (int i = 0, n = candidates.size(); i < n; i++) {
            Node node = candidates.get(i);
            if (!node.spec().onionCapable()) {
                continue;
            }
            if (best == null || node.spec().reputation() > best.spec().reputation()
                    || (node.spec().reputation() == best.spec().reputation()
                        && node.metrics().circuitCount() < best.metrics().circuitCount())) {
                best = node;
            }
        }
        return best;
    }
}
