package org.fogcompute.api;

/** Lifecycle of a task: PENDING → ASSIGNED → RUNNING → COMPLETED | FAILED | CANCELLED. */
public enum TaskStatus {
    PENDING, ASSIGNED, RUNNING, COMPLETED, FAILED, CANCELLED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** Whether a task in this status holds a reservation on a node. */
    public boolean holdsReservation() {
        return this == ASSIGNED || this == RUNNING;
    }
}
