package org.fogcompute.scheduler.internal;

import java.util.Comparator;
import org.fogcompute.api.Node;
import org.fogcompute.api.ResourcePreference;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.NodeOrder;
import org.fogcompute.api.scheduling.NodeChoice;
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Keeps GPU nodes for the work that wants them: a CPU-preferring task (the default for one that needs no GPU) goes to
 * the least-loaded fitting node without a GPU, and to a GPU node only when no CPU node fits; a GPU-preferring task
 * (or one that needs a GPU) goes to the least-loaded fitting GPU node, and elsewhere only when none fits. A
 * preference is not a requirement: no task waits because of it.
 */
@Component(service = SchedulingStrategy.class,
        property = SchedulingStrategy.NAME_PROPERTY + "=" + AffinityStrategy.NAME)
public class AffinityStrategy implements SchedulingStrategy {
    public static final String NAME = "affinity";

    @Override
    public Comparator<QueuedTask> order() {
        return Orders.PRIORITY;
    }

    @Override
    public NodeChoice choose(TaskSpec task, Candidates candidates) {
        boolean wantsGpu = preference(task) == ResourcePreference.GPU;
        for (Node node : candidates.eligible(NodeOrder.LEAST_LOADED)) {
            if (node.hasGpu() == wantsGpu) {
                return NodeChoice.of(node);
            }
        }
        return NodeChoice.ROUTING;
    }

    static ResourcePreference preference(TaskSpec task) {
        if (task.preferredResource() != null) {
            return task.preferredResource();
        }
        return task.requirements().gpu() ? ResourcePreference.GPU : ResourcePreference.CPU;
    }
}
