package org.fogcompute.api.store;

import java.util.List;
import java.util.Optional;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskAssignment;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Durable home of the coordinator's nodes and tasks. The coordinator acknowledges a change only after
 * {@link #commit} returned; when it throws, the coordinator undoes the change in memory.
 */
@ConsumerType
public interface FleetStore {

    /**
     * A stored node: its last snapshot, the status it declared (registration or a later status change) and its
     * place in registration order, which survives restarts (round-robin rotates in that order).
     */
    record StoredNode(Node node, NodeStatus declaredStatus, long registrationSequence) {
        public StoredNode(Node node, NodeStatus declaredStatus) {
            this(node, declaredStatus, 0);
        }
    }

    /**
     * What a coordinator needs to come back after a restart: its nodes, its unfinished tasks, and its most recently
     * finished tasks (newest first), so that they stay listed and readable across the restart.
     */
    record Snapshot(List<StoredNode> nodes, List<Task> unfinishedTasks, List<Task> finishedTasks,
                    List<TaskAssignment> assignments) {
        public Snapshot {
            nodes = List.copyOf(nodes);
            unfinishedTasks = List.copyOf(unfinishedTasks);
            finishedTasks = List.copyOf(finishedTasks);
            assignments = List.copyOf(assignments);
        }

        public Snapshot(List<StoredNode> nodes, List<Task> unfinishedTasks) {
            this(nodes, unfinishedTasks, List.of(), List.of());
        }
    }

    /**
     * The changes of one coordinator mutation (or of several, committed together): new rows, changed rows and removed
     * nodes. New rows are known not to exist, so a store may insert them without looking first.
     */
    record Changes(List<StoredNode> newNodes, List<StoredNode> savedNodes, List<String> removedNodeIds,
                   List<Task> newTasks, List<Task> savedTasks, List<TaskAssignment> newAssignments) {
        public Changes {
            newNodes = List.copyOf(newNodes);
            savedNodes = List.copyOf(savedNodes);
            removedNodeIds = List.copyOf(removedNodeIds);
            newTasks = List.copyOf(newTasks);
            savedTasks = List.copyOf(savedTasks);
            newAssignments = List.copyOf(newAssignments);
        }

        public Changes(List<StoredNode> newNodes, List<StoredNode> savedNodes, List<String> removedNodeIds,
                       List<Task> newTasks, List<Task> savedTasks) {
            this(newNodes, savedNodes, removedNodeIds, newTasks, savedTasks, List.of());
        }

        public boolean isEmpty() {
            return newNodes.isEmpty() && savedNodes.isEmpty() && removedNodeIds.isEmpty() && newTasks.isEmpty()
                    && savedTasks.isEmpty() && newAssignments.isEmpty();
        }
    }

    /** Database product, address (never a password), schema version and row counts, for operators. */
    record StoreInfo(String product, String url, int schemaVersion, long nodes, long tasks, long unfinishedTasks) {
    }

    /** Every node and every unfinished task owned by this coordinator. */
    default Snapshot load(String ownerId) {
        return load(ownerId, 0);
    }

    /** Every node and unfinished task owned by this coordinator, and at most {@code finishedTasks} finished ones. */
    Snapshot load(String ownerId, int finishedTasks);

    /**
     * Deletes this coordinator's finished tasks that finished before {@code finishedBefore}, and all but the
     * {@code keep} most recently finished.
     *
     * @return how many were deleted
     */
    default int pruneFinishedTasks(String ownerId, int keep, java.time.Instant finishedBefore) {
        return 0;
    }

    /**
     * Writes all changes in one transaction.
     *
     * @throws StoreUnavailableException when the database cannot be reached or refuses the transaction
     */
    void commit(String ownerId, Changes changes);

    /**
     * A task by id, finished or not, whichever coordinator owns it; empty for a store that keeps nothing.
     *
     * @throws StoreUnavailableException when the database cannot be reached
     */
    default Optional<Task> findTask(String taskId) {
        return Optional.empty();
    }

    /**
     * A registered node by id, whichever coordinator owns it; empty once it is unregistered, or for a store that keeps
     * nothing.
     *
     * @throws StoreUnavailableException when the database cannot be reached
     */
    default Optional<Node> findNode(String nodeId) {
        return Optional.empty();
    }

    /** A task's placements, oldest first; empty for a task the store does not have. */
    default List<TaskAssignment> assignments(String taskId) {
        return List.of();
    }

    /**
     * Checks that the database answers, within a few seconds.
     *
     * @throws StoreUnavailableException when it does not
     */
    default void ping() {
    }

    /** Saves last heartbeats and reported load in one batch; losing a batch loses only freshness. */
    void saveHeartbeats(String ownerId, List<Node> nodes);

    StoreInfo info();

    /** A store that keeps nothing: the coordinator runs in memory only. */
    FleetStore NONE = new FleetStore() {
        @Override
        public Snapshot load(String ownerId, int finishedTasks) {
            return new Snapshot(List.of(), List.of());
        }

        @Override
        public void commit(String ownerId, Changes changes) {
        }

        @Override
        public void saveHeartbeats(String ownerId, List<Node> nodes) {
        }

        @Override
        public StoreInfo info() {
            return new StoreInfo("none (in memory)", "-", 0, 0, 0, 0);
        }
    };
}
