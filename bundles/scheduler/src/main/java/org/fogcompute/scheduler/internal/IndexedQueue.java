package org.fogcompute.scheduler.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What every active queue keeps besides its order: its tasks by id, for removal and membership. */
abstract class IndexedQueue implements ActiveQueue {
    private final Map<String, QueuedTask> byId = new HashMap<>();

    /** Puts the task into the order. */
    abstract void order(QueuedTask task);

    /** Takes the task out of the order. */
    abstract void unorder(QueuedTask task);

    @Override
    public final void add(QueuedTask task) {
        QueuedTask before = byId.put(task.id(), task);
        if (before != null) {
            unorder(before);
        }
        order(task);
    }

    /** Forgets a task the order gave out. */
    final QueuedTask polled(QueuedTask task) {
        if (task != null) {
            byId.remove(task.id());
        }
        return task;
    }

    @Override
    public final boolean remove(String taskId) {
        QueuedTask task = byId.remove(taskId);
        if (task == null) {
            return false;
        }
        unorder(task);
        return true;
    }

    @Override
    public final boolean contains(String taskId) {
        return byId.containsKey(taskId);
    }

    @Override
    public final int size() {
        return byId.size();
    }

    @Override
    public final Collection<QueuedTask> tasks() {
        return new ArrayList<>(byId.values());
    }
}
