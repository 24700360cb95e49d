package org.fogcompute.coordinator.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one coordinator mutation touched: the prior state of every changed node and task, and the nodes and tasks it
 * added or removed. It yields the changes to commit, and undoes the mutation when the commit fails, so that nothing
 * the store refused stays in memory. Guarded by the coordinator's lock; {@link #committed} and {@link #failure} are
 * volatile, read by the waiting writer.
 */
final class Journal {
    final Map<NodeEntry, NodeEntry.Saved> nodes = new IdentityHashMap<>();
    final Map<TaskEntry, TaskEntry.Saved> tasks = new IdentityHashMap<>();
    // entries do not override equals: these are identity sets, in insertion order
    final Set<NodeEntry> addedNodes = new LinkedHashSet<>();
    final Set<NodeEntry> removedNodes = new LinkedHashSet<>();
    final Set<TaskEntry> addedTasks = new LinkedHashSet<>();
    /** Task ids added to (true) or removed from (false) a node's task set, in order. */
    record TaskIdChange(NodeEntry node, String taskId, boolean added) {
    }

    final List<TaskIdChange> taskIdChanges = new ArrayList<>(2);
    final int finishedOrderSize;
    /** Whether this mutation is committed in a transaction of its own (after its group was refused). */
    final boolean alone;
    /** Events to publish once the mutation is committed. */
    final List<Map.Entry<String, Map<String, Object>>> events = new ArrayList<>(2);
    /** Set by the committer under the coordinator's lock: null while waiting, then true or false. */
    volatile Boolean committed;
    volatile RuntimeException failure;

    Journal(int finishedOrderSize) {
        this(finishedOrderSize, false);
    }

    Journal(int finishedOrderSize, boolean alone) {
        this.finishedOrderSize = finishedOrderSize;
        this.alone = alone;
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

    void taskAdded(NodeEntry node, String taskId) {
        node.taskIds.add(taskId);
        taskIdChanges.add(new TaskIdChange(node, taskId, true));
    }

    void taskRemoved(NodeEntry node, String taskId) {
        if (node.taskIds.remove(taskId)) {
            taskIdChanges.add(new TaskIdChange(node, taskId, false));
        }
    }

    boolean isEmpty() {
        return nodes.isEmpty() && tasks.isEmpty() && addedNodes.isEmpty() && removedNodes.isEmpty()
                && addedTasks.isEmpty();
    }
}
