package org.fogcompute.coordinator.internal;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one coordinator mutation touched: the prior state of every changed node and task, and the nodes and tasks it
 * added or removed. It yields the changes to commit, and undoes the mutation when the commit fails, so that nothing
 * the store refused stays in memory. Guarded by the coordinator's lock.
 */
final class Journal {
    final Map<NodeEntry, NodeEntry.Saved> nodes = new IdentityHashMap<>();
    final Map<TaskEntry, TaskEntry.Saved> tasks = new IdentityHashMap<>();
    // entries do not override equals: these are identity sets, in insertion order
    final Set<NodeEntry> addedNodes = new LinkedHashSet<>();
    final Set<NodeEntry> removedNodes = new LinkedHashSet<>();
    final Set<TaskEntry> addedTasks = new LinkedHashSet<>();
    int finishedOrderSize;

    void begin(int finishedOrderSize) {
        nodes.clear();
        tasks.clear();
        addedNodes.clear();
        removedNodes.clear();
        addedTasks.clear();
        this.finishedOrderSize = finishedOrderSize;
    }

    /** Call before changing a node. */
    void node(NodeEntry entry) {
        nodes.computeIfAbsent(entry, NodeEntry::save);
    }

    /** Call before changing a task. */
    void task(TaskEntry task, boolean queued) {
        if (!tasks.containsKey(task)) {
            tasks.put(task, task.save(queued));
        }
    }

    boolean isEmpty() {
        return nodes.isEmpty() && tasks.isEmpty() && addedNodes.isEmpty() && removedNodes.isEmpty()
                && addedTasks.isEmpty();
    }
}
