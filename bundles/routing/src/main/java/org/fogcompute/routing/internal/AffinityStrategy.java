package org.fogcompute.routing.internal;

import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Best fit (bin packing): the eligible node with the least free memory that still fits the task, then the least free
 * cpu, so large nodes stay free for large tasks. A task that needs no GPU goes to a GPU node only when no other node
 * fits, so GPUs stay free for GPU work.
 */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=" + AffinityStrategy.NAME)
public class AffinityStrategy implements RoutingStrategy {
    public static final String NAME = "affinity";

    @Override
    public Node select(TaskSpec task, Candidates candidates) {
        boolean spareGpus = !task.requirements().gpu();
        Node firstGpuNode = null;
        for (Node node : candidates.eligibleWithFreeMemory(task.requirements().memoryMb())) {
            if (!spareGpus || !node.hasGpu()) {
                return node;
            }
            if (firstGpuNode == null) {
                firstGpuNode = node;
            }
        }
        return firstGpuNode;
    }
}
