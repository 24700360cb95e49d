package org.fogcompute.scheduler.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.NodeOrder;
import org.fogcompute.api.scheduling.NodeChoice;
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Learns where each task type runs well: among the least-loaded fitting nodes (at most {@code candidates} of them), the
 * one with the smallest expected time to a successful completion, by Thompson sampling from the learnt posteriors so
 * that untried pairs are explored; a task with a deadline exploits (posterior means) instead. See
 * {@link AdaptiveModel}; the measured prediction error is on {@code /api/scheduler} and {@code fog:queue}.
 */
@Component(service = SchedulingStrategy.class,
        property = SchedulingStrategy.NAME_PROPERTY + "=" + AdaptiveStrategy.NAME)
public class AdaptiveStrategy implements SchedulingStrategy {
    public static final String NAME = "adaptive";

    private final CompletionModel model;

    @Activate
    public AdaptiveStrategy(@Reference CompletionModel model) {
        this.model = model;
    }

    @Override
    public Comparator<QueuedTask> order() {
        return Orders.PRIORITY;
    }

    @Override
    public NodeChoice choose(TaskSpec task, Candidates candidates) {
        int limit = model.candidates();
        List<String> ids = new ArrayList<>(Math.min(limit, 64));
        Map<String, Node> byId = new HashMap<>();
        for (Node node : candidates.eligible(NodeOrder.LEAST_LOADED)) {
            ids.add(node.id());
            byId.put(node.id(), node);
            if (ids.size() >= limit) {
                break;
            }
        }
        if (ids.isEmpty()) {
            return NodeChoice.ROUTING;
        }
        String chosen = model.choose(ids, task.type(), task.deadline() != null);
        return chosen == null ? NodeChoice.ROUTING : NodeChoice.of(byId.get(chosen));
    }
}
