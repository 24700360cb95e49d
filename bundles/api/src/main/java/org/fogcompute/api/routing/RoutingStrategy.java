package org.fogcompute.api.routing;

import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Chooses the node a task runs on. Register an implementation as an OSGi service with the property
 * {@value #NAME_PROPERTY} set to its name; it becomes selectable at once and disappears with its bundle.
 *
 * <p>Implementations are called on the routing hot path with the coordinator's placement lock held: they must not
 * block or call back into the coordinator.
 */
@ConsumerType
public interface RoutingStrategy {
    /** Service property naming the strategy, e.g. {@code fog.routing.strategy=least-loaded}. */
    String NAME_PROPERTY = "fog.routing.strategy";

    /**
     * @param candidates the fleet seen by this decision: indexed views that yield only nodes able to host the task
     * @return an eligible node, or null to leave the task PENDING
     */
    Node select(TaskSpec task, Candidates candidates);
}
