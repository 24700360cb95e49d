package org.fogcompute.examples.smallestfirst;

import java.util.Comparator;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * An example third-party scheduling strategy: the smallest waiting task first (fewest cores, then least memory), which
 * shortens the average wait when small tasks are many. Copy this bundle, change the order, drop the jar into
 * {@code deploy/}: it is selectable at once ({@code fog:sched-set smallest-first}) and disappears with the jar.
 */
@Component(service = SchedulingStrategy.class,
        property = SchedulingStrategy.NAME_PROPERTY + "=" + SmallestFirstStrategy.NAME)
public class SmallestFirstStrategy implements SchedulingStrategy {
    public static final String NAME = "smallest-first";
    private static final Comparator<QueuedTask> SMALLEST_FIRST = Comparator
            .comparingInt((QueuedTask task) -> requirements(task).cpuCores())
            .thenComparingLong(task -> requirements(task).memoryMb());

    @Override
    public Comparator<QueuedTask> order() {
        return SMALLEST_FIRST;
    }

    private static TaskRequirements requirements(QueuedTask task) {
        return task.spec().requirements();
    }
}
