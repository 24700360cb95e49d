package org.fogcompute.scheduler.internal;

import java.util.Comparator;
import org.fogcompute.api.scheduling.QueuedTask;

/** Queue orders the strategies share. The queue itself breaks every tie by arrival. */
final class Orders {
    /** Arrival only. */
    static final Comparator<QueuedTask> ARRIVAL = Comparator.comparingLong(QueuedTask::sequence);
    /** Priority classes, 1 first; arrival within a class. */
    static final Comparator<QueuedTask> PRIORITY = Comparator.comparingInt(QueuedTask::priority);

    private Orders() {
    }
}
