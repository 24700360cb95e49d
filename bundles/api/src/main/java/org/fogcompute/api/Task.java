package org.fogcompute.api;

import java.time.Instant;

/**
 * An immutable snapshot of a task.
 *
 * @param nodeId     the node it is assigned to or ran on, null while PENDING
 * @param routedBy   the strategy that placed it last, null while PENDING
 * @param retryCount how often it was re-routed after losing its node
 * @param message    why it is PENDING or FAILED, null otherwise
 */
public record Task(TaskSpec spec, TaskStatus status, String nodeId, String routedBy, int retryCount, String message,
                   Instant submittedAt, Instant assignedAt, Instant startedAt, Instant finishedAt) {

    public String id() {
        return spec.id();
    }

    public int priority() {
        return spec.priority();
    }

    public TaskRequirements requirements() {
        return spec.requirements();
    }
}
