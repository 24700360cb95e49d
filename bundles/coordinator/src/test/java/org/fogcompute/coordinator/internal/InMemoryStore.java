package org.fogcompute.coordinator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fogcompute.api.Node;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskAssignment;
import org.fogcompute.api.store.FleetStore;
import org.fogcompute.api.store.StoreUnavailableException;

/** A FleetStore in maps that can be switched to fail, standing in for a database that goes away. */
class InMemoryStore implements FleetStore {
    final Map<String, StoredNode> nodes = new LinkedHashMap<>();
    final Map<String, Task> tasks = new LinkedHashMap<>();
    final Map<String, List<TaskAssignment>> assignments = new LinkedHashMap<>();
    volatile boolean down;
    int commits;

    @Override
    public synchronized Snapshot load(String ownerId, int finishedTasks) {
        failIfDown();
        return new Snapshot(new ArrayList<>(nodes.values()),
                tasks.values().stream().filter(t -> !t.status().isFinished()).toList(),
                tasks.values().stream().filter(t -> t.status().isFinished())
                        .sorted(java.util.Comparator.comparing(Task::finishedAt).reversed()).limit(finishedTasks)
                        .toList(),
                assignments.values().stream().flatMap(List::stream).toList());
    }

    @Override
    public synchronized void commit(String ownerId, Changes changes) {
        failIfDown();
        commits++;
        changes.newNodes().forEach(n -> nodes.put(n.node().id(), n));
        changes.newTasks().forEach(t -> tasks.put(t.id(), t));
        changes.savedNodes().forEach(n -> nodes.put(n.node().id(), n));
        changes.removedNodeIds().forEach(nodes::remove);
        changes.savedTasks().forEach(t -> tasks.put(t.id(), t));
        changes.newAssignments().forEach(a -> assignments.computeIfAbsent(a.taskId(), id -> new ArrayList<>()).add(a));
    }

    @Override
    public synchronized int pruneFinishedTasks(String ownerId, int keep, java.time.Instant finishedBefore) {
        List<Task> finished = tasks.values().stream().filter(t -> t.status().isFinished())
                .sorted(java.util.Comparator.comparing(Task::finishedAt).reversed()).toList();
        int pruned = 0;
        for (int i = 0; i < finished.size(); i++) {
            if (i >= keep || finished.get(i).finishedAt().isBefore(finishedBefore)) {
                tasks.remove(finished.get(i).id());
                pruned++;
            }
        }
        return pruned;
    }

    @Override
    public synchronized List<TaskAssignment> assignments(String taskId) {
        return List.copyOf(assignments.getOrDefault(taskId, List.of()));
    }

    @Override
    public synchronized Optional<Task> findTask(String taskId) {
        failIfDown();
        return Optional.ofNullable(tasks.get(taskId));
    }

    @Override
    public synchronized void saveHeartbeats(String ownerId, List<Node> heartbeats) {
        failIfDown();
        heartbeats.forEach(n -> nodes.computeIfPresent(n.id(), (id, old) -> new StoredNode(n, old.declaredStatus())));
    }

    @Override
    public StoreInfo info() {
        return new StoreInfo("in memory", "-", 1, nodes.size(), tasks.size(), 0);
    }

    private void failIfDown() {
        if (down) {
            throw new StoreUnavailableException("database unavailable: connection refused", null);
        }
    }
}
