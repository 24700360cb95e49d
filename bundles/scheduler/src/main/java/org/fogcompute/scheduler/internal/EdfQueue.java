package org.fogcompute.scheduler.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.TreeSet;

/**
 * SLA order: earliest deadline first; tasks without a deadline after every task with one, in arrival order, and
 * equal deadlines in arrival order too.
 */
final class EdfQueue extends IndexedQueue {
    static final Comparator<QueuedTask> EARLIEST_DEADLINE = Comparator
            .comparing(QueuedTask::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(QueuedTask::sequence);
    private final TreeSet<QueuedTask> order = new TreeSet<>(EARLIEST_DEADLINE);

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
