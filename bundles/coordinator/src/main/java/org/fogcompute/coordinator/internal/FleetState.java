package org.fogcompute.coordinator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fogcompute.api.Node;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskAssignment;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.store.FleetStore;

/**
 * The coordinator's data: nodes (indexed for routing), tasks, the queue of PENDING tasks, finished tasks in order and
 * task counts by status, with what works on the data alone: undoing a journaled mutation, the net changes of a batch
 * to commit, loading a stored fleet. Guarded by the coordinator's lock.
 */
final class FleetState {
    final FleetIndex fleet = new FleetIndex();
    final Map<String, TaskEntry> tasks = new LinkedHashMap<>();
    final SchedulingQueue queue = new SchedulingQueue(Scheduling.BUILT_IN_ORDER, QueueSettings.DEFAULTS.maxPark());
    final ArrayDeque<String> finishedOrder = new ArrayDeque<>();
    final int[] tasksByStatus = new int[TaskStatus.values().length];
    /** Nodes whose last heartbeat is not saved yet. */
    final Set<NodeEntry> heartbeatsToSave = new LinkedHashSet<>();
    long taskSequence;
    long nodeSequence;

    void setStatus(TaskEntry task, TaskStatus status) {
        tasksByStatus[task.status.ordinal()]--;
        tasksByStatus[status.ordinal()]++;
        task.status = status;
    }

    /** Forgets the oldest finished tasks beyond the retention; only after a commit, as it cannot be undone. */
    void forgetOldFinishedTasks(int retention) {
        while (finishedOrder.size() > retention) {
            TaskEntry evicted = tasks.remove(finishedOrder.poll());
            if (evicted != null) {
                tasksByStatus[evicted.status.ordinal()]--;
            }
        }
    }

    /** Puts back everything one mutation changed: structure first, then the saved fields. */
    void undo(Journal journal) {
        for (TaskEntry task : journal.addedTasks) {
            tasks.remove(task.id());
            queue.remove(task.id());
            tasksByStatus[task.status.ordinal()]--;
        }
        for (NodeEntry entry : journal.addedNodes) {
            fleet.remove(entry);
            heartbeatsToSave.remove(entry);
        }
        for (NodeEntry entry : journal.removedNodes) {
            fleet.add(entry);
        }
        for (int i = journal.taskIdChanges.size() - 1; i >= 0; i--) {
            Journal.TaskIdChange change = journal.taskIdChanges.get(i);
            if (change.added()) {
                change.node().taskIds.remove(change.taskId());
            } else {
                change.node().taskIds.add(change.taskId());
            }
        }
        journal.nodes.forEach((entry, saved) -> {
            entry.restore(saved);
            fleet.reindex(entry);
        });
        journal.tasks.forEach((task, saved) -> {
            if (journal.addedTasks.contains(task)) {
                return;
            }
            setStatus(task, saved.status());
            task.restore(saved);
            if (saved.queued()) {
                queue.putBack(task.queued);
            } else {
                queue.remove(task.id());
            }
        });
        while (finishedOrder.size() > journal.finishedOrderSize) {
            finishedOrder.pollLast();
        }
    }

    /** The net changes of a batch of mutations, from the current state of everything they touched. */
    FleetStore.Changes changesOf(List<Journal> batch, Map<NodeEntry, NodeEntry.StoredView> storedViews,
                                 Map<TaskEntry, Integer> storedAssignments) {
        Set<NodeEntry> touchedNodes = new LinkedHashSet<>();
        Set<NodeEntry> addedNodes = new LinkedHashSet<>();
        Set<TaskEntry> touchedTasks = new LinkedHashSet<>();
        Set<TaskEntry> addedTasks = new LinkedHashSet<>();
        for (Journal j : batch) {
            addedNodes.addAll(j.addedNodes);
            touchedNodes.addAll(j.addedNodes);
            touchedNodes.addAll(j.nodes.keySet());
            touchedNodes.addAll(j.removedNodes);
            addedTasks.addAll(j.addedTasks);
            touchedTasks.addAll(j.addedTasks);
            touchedTasks.addAll(j.tasks.keySet());
        }
        List<FleetStore.StoredNode> newNodes = new ArrayList<>();
        List<FleetStore.StoredNode> savedNodes = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (NodeEntry entry : touchedNodes) {
            boolean registered = fleet.get(entry.spec.id()) == entry;
            if (registered) {
                // a task placed on a node changes no stored column of the node: skip the update then
                NodeEntry.StoredView view = entry.storedView();
                if (addedNodes.contains(entry) || !view.equals(entry.lastStored)) {
                    (addedNodes.contains(entry) ? newNodes : savedNodes)
                            .add(new FleetStore.StoredNode(entry.snapshot(), entry.declaredStatus, entry.sequence));
                    storedViews.put(entry, view);
                }
            } else if (!addedNodes.contains(entry)) {
                removed.add(entry.spec.id());
            }
        }
        List<Task> newTasks = new ArrayList<>();
        List<Task> savedTasks = new ArrayList<>();
        List<TaskAssignment> newAssignments = new ArrayList<>();
        for (TaskEntry task : touchedTasks) {
            (addedTasks.contains(task) ? newTasks : savedTasks).add(task.snapshot());
            if (task.assignments.size() > task.storedAssignments) {
                newAssignments.addAll(task.assignments.subList(task.storedAssignments, task.assignments.size()));
                storedAssignments.put(task, task.assignments.size());
            }
        }
        return new FleetStore.Changes(newNodes, savedNodes, removed, newTasks, savedTasks, newAssignments);
    }

    private TaskEntry restoredTask(Task stored) {
        TaskEntry task = new TaskEntry(stored.spec(), taskSequence++, stored.submittedAt());
        task.status = stored.status();
        task.nodeId = stored.nodeId();
        task.routedBy = stored.routedBy();
        task.retryCount = stored.retryCount();
        task.message = stored.message();
        task.assignedAt = stored.assignedAt();
        task.startedAt = stored.startedAt();
        return task;
    }

    List<TaskEntry> tasksOfLostNodes() {
        List<TaskEntry> orphans = new ArrayList<>();
        for (TaskEntry task : tasks.values()) {
            if (task.status.holdsReservation() && (task.nodeId == null || fleet.get(task.nodeId) == null)) {
                orphans.add(task);
            }
        }
        return orphans;
    }

    void clear() {
        new ArrayList<>(fleet.inOrder).forEach(fleet::remove);
        tasks.clear();
        queue.clear();
        finishedOrder.clear();
        heartbeatsToSave.clear();
        Arrays.fill(tasksByStatus, 0);
    }

    /**
     * Takes over a stored fleet: nodes silent for longer than the heartbeat interval start SUSPECT, every node gets a
     * full timeout from {@code now}, tasks get their reservations back on nodes that are still there.
     */
    void load(FleetStore.Snapshot snapshot, Instant now, long intervalMillis) {
        for (FleetStore.StoredNode stored : snapshot.nodes()) {
            Node node = stored.node();
            NodeEntry entry = new NodeEntry(stored.registrationSequence(), node.spec(), node.registeredAt(),
                    intervalMillis);
            nodeSequence = Math.max(nodeSequence, stored.registrationSequence() + 1);
            entry.declaredStatus = stored.declaredStatus();
            entry.metrics = node.metrics();
            entry.completedTasks = node.completedTasks();
            entry.failedTasks = node.failedTasks();
            entry.lastHeartbeat = node.lastHeartbeat();
            entry.silentSince = now;
            entry.liveness = Duration.between(node.lastHeartbeat(), now).toMillis() > intervalMillis
                    ? Liveness.SUSPECT : Liveness.ALIVE;
            entry.refresh();
            fleet.add(entry);
        }
        for (Task stored : snapshot.unfinishedTasks()) {
            TaskEntry task = restoredTask(stored);
            tasks.put(task.id(), task);
            tasksByStatus[task.status.ordinal()]++;
            NodeEntry node = task.nodeId == null ? null : fleet.get(task.nodeId);
            if (task.status == TaskStatus.PENDING) {
                queue.add(task.queued);
            } else if (node != null) {
                node.reservedCpu += task.spec.requirements().cpuCores();
                node.reservedMemoryMb += task.spec.requirements().memoryMb();
                node.taskIds.add(task.id());
            }
        }
        // finished tasks arrive newest first; the finished order is oldest first
        List<Task> finished = new ArrayList<>(snapshot.finishedTasks());
        java.util.Collections.reverse(finished);
        for (Task stored : finished) {
            if (tasks.containsKey(stored.id())) {
                continue;
            }
            TaskEntry task = restoredTask(stored);
            task.finishedAt = stored.finishedAt();
            tasks.put(task.id(), task);
            tasksByStatus[task.status.ordinal()]++;
            finishedOrder.add(task.id());
        }
        for (TaskAssignment assignment : snapshot.assignments()) {
            TaskEntry task = tasks.get(assignment.taskId());
            if (task != null) {
                task.assignments.add(assignment);
                task.storedAssignments = task.assignments.size();
            }
        }
        fleet.inOrder.forEach(entry -> {
            entry.refresh();
            fleet.reindex(entry);
            entry.lastStored = entry.storedView();
        });
    }
}
