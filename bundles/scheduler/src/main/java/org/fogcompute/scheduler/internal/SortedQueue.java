package org.fogcompute.scheduler.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.TreeSet;

/** An active queue in a fixed order: FIFO, or SLA's earliest deadline first. */
final class SortedQueue extends IndexedQueue {
    /**
     * SLA order: earliest deadline first; tasks without a deadline after every task with one; equal deadlines, and
     * tasks without one, in arrival order.
     */
    static final Comparator<QueuedTask> EARLIEST_DEADLINE = Comparator
            .comparing(QueuedTask::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(QueuedTask::sequence);

    private final TreeSet<QueuedTask> order;

    private SortedQueue(Comparator<QueuedTask> comparator) {
        this.order = new TreeSet<>(comparator);
    }

    /**
     * Strict arrival order. By sequence rather than by the time of queueing: a task that comes back from backoff or
     * parking takes its old place, ahead of those that arrived after it.
     */
    static SortedQueue fifo() {
        return new SortedQueue(Comparator.comparingLong(QueuedTask::sequence));
    }

    static SortedQueue earliestDeadlineFirst() {
        return new SortedQueue(EARLIEST_DEADLINE);
    }

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
