package org.fogcompute.scheduler.internal;

import java.util.Comparator;
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Strict arrival order among placeable tasks: priority and deadline do not reorder the queue. A task that cannot be
 * placed waits aside (backoff or parked), so it does not hold back the placeable ones behind it.
 */
@Component(service = SchedulingStrategy.class, property = SchedulingStrategy.NAME_PROPERTY + "=" + FifoStrategy.NAME)
public class FifoStrategy implements SchedulingStrategy {
    public static final String NAME = "fifo";

    @Override
    public Comparator<QueuedTask> order() {
        return Orders.ARRIVAL;
    }
}
