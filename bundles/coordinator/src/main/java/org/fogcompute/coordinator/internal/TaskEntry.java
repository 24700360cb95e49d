package org.fogcompute.coordinator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskAssignment;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.scheduling.QueuedTask;

/** Mutable state of one task, guarded by the coordinator's lock. */
final class TaskEntry {
    final TaskSpec spec;
    final long sequence;
    final Instant submittedAt;
    /** The task as the scheduling queue holds it while it waits. */
    final QueuedTask queued;
    final List<TaskAssignment> assignments = new ArrayList<>(2);
    /** How many of {@link #assignments} are committed; the rest are new rows for the next commit. */
    int storedAssignments;
    TaskStatus status = TaskStatus.PENDING;
    String nodeId;
    /** Who submitted it, while this runtime has known the task (the client of its onion circuit); null otherwise. */
    String submitter;
    String routedBy;
    int retryCount;
    String message;
    Instant assignedAt;
    Instant startedAt;
    Instant finishedAt;

    TaskEntry(TaskSpec spec, long sequence, Instant submittedAt) {
        this.spec = spec;
        this.sequence = sequence;
        this.submittedAt = submittedAt;
        this.queued = new QueuedTask(spec, sequence, submittedAt);
    }

    /** The fields a mutation may change, so that a mutation the store refused can be undone. */
    record Saved(TaskStatus status, String nodeId, String routedBy, int retryCount, String message,
                 Instant assignedAt, Instant startedAt, Instant finishedAt, int assignmentCount, boolean queued) {
    }

    Saved save(boolean queued) {
        return new Saved(status, nodeId, routedBy, retryCount, message, assignedAt, startedAt, finishedAt,
                assignments.size(), queued);
    }

    /** Restores every field but the status, which the coordinator restores itself to keep its counters right. */
    void restore(Saved saved) {
        nodeId = saved.nodeId();
        routedBy = saved.routedBy();
        retryCount = saved.retryCount();
        message = saved.message();
        assignedAt = saved.assignedAt();
        startedAt = saved.startedAt();
        finishedAt = saved.finishedAt();
        while (assignments.size() > saved.assignmentCount()) {
            assignments.remove(assignments.size() - 1);
        }
    }

    String id() {
        return spec.id();
    }

    Task snapshot() {
        return new Task(spec, status, nodeId, routedBy, retryCount, message, submittedAt, assignedAt, startedAt,
                finishedAt);
    }
}
