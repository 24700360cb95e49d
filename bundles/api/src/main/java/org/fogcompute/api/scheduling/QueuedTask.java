package org.fogcompute.api.scheduling;

import java.time.Instant;
import org.fogcompute.api.TaskSpec;

/**
 * A waiting task as the queue sees it: what was submitted, its arrival order (a sequence kept in submission order
 * across restarts) and when it was submitted.
 */
public record QueuedTask(TaskSpec spec, long sequence, Instant queuedAt) {
    public QueuedTask {
        if (spec == null || spec.id() == null || queuedAt == null) {
            throw new IllegalArgumentException("a queued task needs a spec with an id and the time it was queued");
        }
    }

    public String id() {
        return spec.id();
    }

    /** 1 (highest) .. 10. */
    public int priority() {
        return spec.priority();
    }

    /** Null when the task has none. */
    public Instant deadline() {
        return spec.deadline();
    }
}
