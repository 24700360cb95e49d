package org.fogcompute.routing.internal;

import java.util.List;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Best fit (bin packing): the node whose free cpu and memory, after taking the task, are the smallest share of its
 * capacity. A task that needs no GPU goes to a GPU node only when no other node fits, so GPUs stay free for GPU work.
 */
@Component(service = RoutingStrategy.class, property = RoutingStrategy.NAME_PROPERTY + "=" + AffinityStrategy.NAME)
public class AffinityStrategy implements RoutingStrategy {
    public static final String NAME = "affinity";

    @Override
    public Node select(TaskSpec task, List<Node> candidates) {
        TaskRequirements r = task.requirements();
        boolean avoidGpu = !r.gpu();
        Node best = null;
        double bestLeftover = Double.MAX_VALUE;
        boolean bestSpendsGpu = true;
        for (int i = 0, n = candidates.size(); i < n; i++) {
            Node node = candidates.get(i);
            boolean spendsGpu = avoidGpu && node.hasGpu();
            double leftover = (double) (node.freeCpu() - r.cpuCores()) / node.capacity().cpuCores()
                    + (double) (node.freeMemoryMb() - r.memoryMb()) / node.capacity().memoryMb();
            if (best == null || (bestSpendsGpu && !spendsGpu)
                    || (spendsGpu == bestSpendsGpu && leftover < bestLeftover)) {
                best = node;
                bestLeftover = leftover;
                bestSpendsGpu = spendsGpu;
            }
        }
        return best;
    }
}
