package org.fogcompute.scheduler.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.TreeSet;

/**
 * Strict arrival order. By sequence rather than by the time of queueing: a task that comes back from backoff or
 * parking takes its old place, ahead of those that arrived after it.
 */
final class FifoQueue extends IndexedQueue {
    private final TreeSet<QueuedTask> order = new TreeSet<>(Comparator.comparingLong(QueuedTask::sequence));

    @Override
    void order(QueuedTask task) {
        order.add(task);
    }

    @Override
    void unorder(QueuedTask task) {
        order.remove(task);
    }

    @Override
    public QueuedTask poll(Instant now) {
        return polled(order.pollFirst());
    }
}
