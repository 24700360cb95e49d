package org.fogcompute.scheduler.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.TreeSet;

/**
 * Priority classes with aging: a task's effective priority is its class plus one for every {@code agingStep} it has
 * waited, so a low class cannot starve behind a steady stream of high ones. Within a class the order is arrival
 * (sequence), so the head of each class is the task of that class that waited longest and has the highest effective
 * priority: a poll compares the ten heads, not every task.
 */
final class AgingPriorityQueue extends IndexedQueue {
    private static final int CLASSES = 10;
    private final long agingStepNanos;
    private final TreeSet<QueuedTask>[] classes;

    @SuppressWarnings("unchecked")
    AgingPriorityQueue(Duration agingStep) {
        if (agingStep.isNegative() || agingStep.isZero()) {
            throw new IllegalArgumentException("the aging step must be positive, not " + agingStep);
        }
        this.agingStepNanos = agingStep.toNanos();
        this.classes = new TreeSet[CLASSES];
        for (int i = 0; i < CLASSES; i++) {
            classes[i] = new TreeSet<>(Comparator.comparingLong(QueuedTask::sequence));
        }
    }

    /** The class plus one per aging step waited since the task was first queued. */
    double effectivePriority(QueuedTask task, Instant now) {
        long waited = Math.max(0, Duration.between(task.queuedAt(), now).toNanos());
        return task.priority() + (double) waited / agingStepNanos;
    }

    @Override
    void order(QueuedTask task) {
        classes[task.priority() - 1].add(task);
    }

    @Override
    void unorder(QueuedTask task) {
        classes[task.priority() - 1].remove(task);
    }

    @Override
    public QueuedTask poll(Instant now) {
        QueuedTask best = null;
        double bestPriority = Double.NEGATIVE_INFINITY;
        for (int i = CLASSES - 1; i >= 0; i--) {
            if (classes[i].isEmpty()) {
                continue;
            }
            QueuedTask head = classes[i].first();
            double priority = effectivePriority(head, now);
            // ties go to the earlier arrival
            if (priority > bestPriority || (priority == bestPriority && head.sequence() < best.sequence())) {
                best = head;
                bestPriority = priority;
            }
        }
        if (best != null) {
            classes[best.priority() - 1].remove(best);
        }
        return polled(best);
    }
}
