package org.fogcompute.scheduler.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Strict arrival order. By sequence rather than by the time of queueing: a task that comes back from backoff or
 * parking takes its old place, ahead of those that arrived after it.
 */
final class FifoQueue implements ActiveQueue {
    private final TreeSet<QueuedTask> order = new TreeSet<>(Comparator.comparingLong(QueuedTask::sequence));
    private final Map<String, QueuedTask> byId = new HashMap<>();

    @Override
    public void add(QueuedTask task) {
        QueuedTask before = byId.put(task.id(), task);
        if (before != null) {
            order.remove(before);
        }
        order.add(task);
    }

    @Override
    public QueuedTask poll(Instant now) {
        QueuedTask first = order.pollFirst();
        if (first != null) {
            byId.remove(first.id());
        }
        return first;
    }

    @Override
    public boolean remove(String taskId) {
        QueuedTask task = byId.remove(taskId);
        return task != null && order.remove(task);
    }

    @Override
    public boolean contains(String taskId) {
        return byId.containsKey(taskId);
    }

    @Override
    public int size() {
        return byId.size();
    }

    @Override
    public Collection<QueuedTask> tasks() {
        return new ArrayList<>(byId.values());
    }
}
