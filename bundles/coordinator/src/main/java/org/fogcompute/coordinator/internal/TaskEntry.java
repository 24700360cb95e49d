package org.fogcompute.coordinator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskAssignment;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;

/** Mutable state of one task, guarded by the coordinator's lock. */
final class TaskEntry {
    final TaskSpec spec;
    final long sequence;
    final Instant submittedAt;
    final List<TaskAssignment> assignments = new ArrayList<>(2);
    TaskStatus status = TaskStatus.PENDING;
    String nodeId;
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
    }

    String id() {
        return spec.id();
    }

    Task snapshot() {
        return new Task(spec, status, nodeId, routedBy, retryCount, message, submittedAt, assignedAt, startedAt,
                finishedAt);
    }
}
