package org.fogcompute.api.scheduling;

import java.time.Instant;
import java.util.Comparator;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides the order in which waiting tasks are tried, whether a task is admitted, and optionally where it goes.
 * Register an implementation as an OSGi service with the property {@value #NAME_PROPERTY} set to its name; it
 * becomes selectable at once and disappears with its bundle.
 *
 * <p>Called with the coordinator's lock held, like routing strategies: implementations must not block or call back
 * into the coordinator.
 */
@ConsumerType
public interface SchedulingStrategy {
    /** Service property naming the strategy, e.g. {@code fog.scheduling.strategy=fifo}. */
    String NAME_PROPERTY = "fog.scheduling.strategy";

    /**
     * The order in which ready tasks are tried, first first. It must not depend on the time it is asked (the queue
     * keeps tasks sorted); ties are broken by arrival order.
     */
    Comparator<QueuedTask> order();

    /**
     * Called at submission with the fleet as it is now.
     *
     * @return null to admit the task, or why it cannot be accepted (the submitter gets a 422 with that reason)
     */
    default String admit(TaskSpec task, Candidates fleet, Instant now) {
        return null;
    }

    /**
     * The node this task should go to among the eligible ones, or {@link NodeChoice#ROUTING} to let the routing
     * strategy choose. A task that names a routing strategy is placed by it, not by this preference.
     */
    default NodeChoice choose(TaskSpec task, Candidates candidates) {
        return NodeChoice.ROUTING;
    }

    /**
     * Whether this strategy prices nodes and keeps a task within its {@link TaskSpec#priceLimit()}. A task with a
     * price limit is refused at submission when its strategy does not, rather than have the limit silently ignored.
     */
    default boolean honoursPriceLimit() {
        return false;
    }
}
