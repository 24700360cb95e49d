package org.fogcompute.scheduler.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.NodeOrder;
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Earliest deadline first; tasks without a deadline follow, by priority. At submission a task whose deadline cannot be
 * met even by the best predicted completion among the nodes that could take it now is refused with the prediction,
 * so the client learns at once rather than at the deadline. Until a task type has been seen to run, nothing is
 * predicted and every deadline still in the future is admitted. A queued task whose deadline passes fails
 * (DEADLINE_EXCEEDED) wherever it waits: the queue sees to that whatever the strategy.
 */
@Component(service = SchedulingStrategy.class, property = SchedulingStrategy.NAME_PROPERTY + "=" + SlaStrategy.NAME)
public class SlaStrategy implements SchedulingStrategy {
    public static final String NAME = "sla";
    static final Comparator<QueuedTask> EARLIEST_DEADLINE_FIRST = Comparator
            .comparing(QueuedTask::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Orders.PRIORITY);

    private final CompletionModel model;

    @Activate
    public SlaStrategy(@Reference CompletionModel model) {
        this.model = model;
    }

    @Override
    public Comparator<QueuedTask> order() {
        return EARLIEST_DEADLINE_FIRST;
    }

    @Override
    public String admit(TaskSpec task, Candidates fleet, Instant now) {
        if (task.deadline() == null) {
            return null;
        }
        Double best = null;
        String bestNode = null;
        int looked = 0;
        for (Node node : fleet.eligible(NodeOrder.LEAST_LOADED)) {
            Double seconds = model.predictedSeconds(node.id(), task.type());
            if (seconds == null) {
                return null; // nothing of this type seen yet: no prediction to refuse by
            }
            if (best == null || seconds < best) {
                best = seconds;
                bestNode = node.id();
            }
            if (++looked >= model.candidates()) {
                break;
            }
        }
        if (best == null) {
            // no node could take it now: the type's fleet-wide estimate is the best there is
            best = model.predictedSeconds(null, task.type());
            if (best == null) {
                return null;
            }
        }
        Instant predicted = now.plus(Duration.ofMillis((long) Math.min(best * 1000, Long.MAX_VALUE / 2)));
        if (predicted.isAfter(task.deadline())) {
            return String.format("deadline %s cannot be met: the best predicted completion of a '%s' task is %s "
                    + "(%.1f s%s)", task.deadline(), task.type(), predicted, best,
                    bestNode == null ? ", no node free now" : " on node " + bestNode);
        }
        return null;
    }
}
