package org.fogcompute.routing.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.component.annotations.Component;

/** Rotates over the eligible nodes in registration order: three nodes and three tasks give each node one task. */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=" + RoundRobinStrategy.NAME)
public class RoundRobinStrategy implements RoutingStrategy {
    public static final String NAME = "round-robin";
    private final AtomicLong next = new AtomicLong();

    @Override
    public Node select(TaskSpec task, List<Node> candidates) {
        return candidates.get((int) Long.remainderUnsigned(next.getAndIncrement(), candidates.size()));
    }
}
