package org.fogcompute.scheduler.internal;

import java.time.Instant;
import java.util.Collection;

/**
 * The tasks ready for a placement attempt, in the order of one scheduling strategy. The scheduling queue moves
 * tasks in and out of it; a strategy switch moves every task into the new strategy's queue.
 */
interface ActiveQueue {
    void add(QueuedTask task);

    /** The next task to try at {@code now}, removed; null when empty. */
    QueuedTask poll(Instant now);

    boolean remove(String taskId);

    boolean contains(String taskId);

    int size();

    /** Every task, in no particular order. */
    Collection<QueuedTask> tasks();
}
