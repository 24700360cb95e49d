package org.fogcompute.scheduler.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The waiting tasks in front of placement, in three parts as the best schedulers keep them (Kubernetes' active,
 * backoff and unschedulable queues; Nomad's blocked evaluations):
 * <ul>
 * <li><b>active</b>: ready for an attempt, in the current strategy's order ({@link ActiveQueue});</li>
 * <li><b>backoff</b>: failed for a passing reason, tried again after 1 s, doubling per failure up to 10 s;</li>
 * <li><b>parked</b>: unplaceable for a known reason, tried again only on a capacity event that can cure that reason,
 * on the periodic {@link #flush}, or once parked longer than the maximum park time.</li>
 * </ul>
 * A task that fits nowhere leaves the active part, so it never blocks the ones behind it. Capacity can free while an
 * attempt runs: every capacity event advances an epoch, and an attempt that failed against an older epoch goes to
 * backoff rather than parking, where the event that would have woken it is already past.
 *
 * <p>Not thread-safe: the coordinator calls it under its own lock, as it does its fleet.
 */
final class SchedulingQueue {
    static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** One placement attempt: the task, and the capacity epoch it was made against. */
    record Attempt(QueuedTask task, long epoch) {
    }

    private record Waiting(QueuedTask task, Instant until) {
    }

    private ActiveQueue active;
    private final Duration maxPark;
    private final PriorityQueue<Waiting> backoff = new PriorityQueue<>(Comparator.comparing(Waiting::until)
            .thenComparingLong(w -> w.task().sequence()));
    private final Map<String, Waiting> backoffById = new HashMap<>();
    private final Map<ParkReason, LinkedHashMap<String, Waiting>> parked = new EnumMap<>(ParkReason.class);
    private final Map<String, ParkReason> parkedReason = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    /** The waiting tasks that have a deadline, earliest first, wherever they wait (not while being tried). */
    private final java.util.TreeSet<QueuedTask> deadlines = new java.util.TreeSet<>(SortedQueue.EARLIEST_DEADLINE);
    private final Map<String, QueuedTask> deadlineById = new HashMap<>();
    private long epoch;

    SchedulingQueue(ActiveQueue active, Duration maxPark) {
        this.active = active;
        this.maxPark = maxPark;
        for (ParkReason reason : ParkReason.values()) {
            parked.put(reason, new LinkedHashMap<>());
        }
    }

    /** A new task, ready for its first attempt. */
    void add(QueuedTask task) {
        if (contains(task.id())) {
            throw new IllegalStateException("task " + task.id() + " is queued already");
        }
        active.add(task);
        watchDeadline(task);
    }

    boolean contains(String taskId) {
        return backoffById.containsKey(taskId) || parkedReason.containsKey(taskId) || active.contains(taskId);
    }

    /**
     * The next attempt at {@code now}: tasks whose backoff ended and tasks parked longer than the maximum park time
     * become active first. Null when no task is ready.
     */
    Attempt next(Instant now) {
        release(now);
        QueuedTask task = active.poll(now);
        if (task == null) {
            return null;
        }
        unwatchDeadline(task.id());
        return new Attempt(task, epoch);
    }

    /** The attempt placed its task: the task leaves the queue. */
    void placed(Attempt attempt) {
        failures.remove(attempt.task().id());
    }

    /**
     * The attempt did not place its task. With a reason and no capacity event since the attempt began, the task is
     * parked under that reason; otherwise (a passing failure, or capacity changed meanwhile) it backs off.
     */
    void failed(Attempt attempt, ParkReason reason, Instant now) {
        QueuedTask task = attempt.task();
        int failed = failures.merge(task.id(), 1, Integer::sum);
        watchDeadline(task);
        if (reason != null && attempt.epoch() == epoch) {
            Waiting waiting = new Waiting(task, now.plus(maxPark));
            parked.get(reason).put(task.id(), waiting);
            parkedReason.put(task.id(), reason);
            return;
        }
        long delay = MIN_BACKOFF.toMillis() << Math.min(failed - 1, 20);
        Waiting waiting = new Waiting(task, now.plusMillis(Math.min(delay, MAX_BACKOFF.toMillis())));
        backoff.add(waiting);
        backoffById.put(task.id(), waiting);
    }

    /** A capacity event: advances the epoch and makes active the parked tasks whose reason it can cure. */
    int capacityChanged(CapacityEvent event) {
        epoch++;
        int woken = 0;
        for (ParkReason reason : ParkReason.values()) {
            if (reason.curedBy(event)) {
                woken += wake(reason);
            }
        }
        return woken;
    }

    /** The periodic safety net: every parked task becomes active. */
    int flush() {
        int woken = 0;
        for (ParkReason reason : ParkReason.values()) {
            woken += wake(reason);
        }
        return woken;
    }

    /**
     * Takes out every waiting task whose deadline is not after {@code now}, wherever it waits, and returns them: the
     * caller fails them (DEADLINE_EXCEEDED). A task being tried is not among them; its attempt decides.
     */
    List<QueuedTask> expire(Instant now) {
        List<QueuedTask> expired = new ArrayList<>();
        while (!deadlines.isEmpty() && !deadlines.first().deadline().isAfter(now)) {
            QueuedTask task = deadlines.first();
            remove(task.id());
            expired.add(task);
        }
        return expired;
    }

    /** Takes a task out wherever it waits (cancelled, or placed by other means). */
    boolean remove(String taskId) {
        failures.remove(taskId);
        unwatchDeadline(taskId);
        Waiting backingOff = backoffById.remove(taskId);
        if (backingOff != null) {
            backoff.remove(backingOff);
            return true;
        }
        ParkReason reason = parkedReason.remove(taskId);
        if (reason != null) {
            parked.get(reason).remove(taskId);
            return true;
        }
        return active.remove(taskId);
    }

    /** Another strategy's order from now on; every active task moves over, none is lost. */
    void switchTo(ActiveQueue next) {
        for (QueuedTask task : active.tasks()) {
            next.add(task);
        }
        active = next;
    }

    long epoch() {
        return epoch;
    }

    /** How many tasks wait where: active, backing off, parked per reason; and since when the oldest waits. */
    record Stats(int active, int backoff, Map<ParkReason, Integer> parked, Instant oldestQueuedAt) {
        int total() {
            return active + backoff + parked.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    Stats stats() {
        Map<ParkReason, Integer> byReason = new EnumMap<>(ParkReason.class);
        Instant oldest = null;
        List<QueuedTask> all = new ArrayList<>(active.tasks());
        backoffById.values().forEach(w -> all.add(w.task()));
        for (Map.Entry<ParkReason, LinkedHashMap<String, Waiting>> entry : parked.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                byReason.put(entry.getKey(), entry.getValue().size());
            }
            entry.getValue().values().forEach(w -> all.add(w.task()));
        }
        for (QueuedTask task : all) {
            if (oldest == null || task.queuedAt().isBefore(oldest)) {
                oldest = task.queuedAt();
            }
        }
        return new Stats(active.size(), backoffById.size(), byReason, oldest);
    }

    private void watchDeadline(QueuedTask task) {
        if (task.deadline() != null) {
            deadlines.add(task);
            deadlineById.put(task.id(), task);
        }
    }

    private void unwatchDeadline(String taskId) {
        QueuedTask task = deadlineById.remove(taskId);
        if (task != null) {
            deadlines.remove(task);
        }
    }

    private int wake(ParkReason reason) {
        LinkedHashMap<String, Waiting> tasks = parked.get(reason);
        int woken = tasks.size();
        for (Waiting waiting : tasks.values()) {
            parkedReason.remove(waiting.task().id());
            active.add(waiting.task());
        }
        tasks.clear();
        return woken;
    }

    private void release(Instant now) {
        while (!backoff.isEmpty() && !backoff.peek().until().isAfter(now)) {
            Waiting ready = backoff.poll();
            backoffById.remove(ready.task().id());
            active.add(ready.task());
        }
        for (LinkedHashMap<String, Waiting> tasks : parked.values()) {
            // parked in arrival order at the same maximum: the first not yet due ends the scan of that reason
            var iterator = tasks.values().iterator();
            while (iterator.hasNext()) {
                Waiting waiting = iterator.next();
                if (waiting.until().isAfter(now)) {
                    break;
                }
                iterator.remove();
                parkedReason.remove(waiting.task().id());
                active.add(waiting.task());
            }
        }
    }
}
