package org.fogcompute.scheduler.internal;

import java.time.Instant;

/**
 * What the queue knows of a waiting task: its id, its arrival order (a sequence that survives restarts with the
 * task), when it was queued, its priority class (1 lowest .. 10 highest) and its deadline, if any.
 */
public record QueuedTask(String id, long sequence, Instant queuedAt, int priority, Instant deadline) {
    public QueuedTask {
        if (id == null || queuedAt == null) {
            throw new IllegalArgumentException("a queued task needs an id and the time it was queued");
        }
        if (priority < 1 || priority > 10) {
            throw new IllegalArgumentException("priority must be 1..10, not " + priority);
        }
    }
}
