package org.fogcompute.coordinator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.WaitReason;

/**
 * The waiting tasks in front of placement, in three parts as the best schedulers keep them (Kubernetes' active,
 * backoff and unschedulable queues; Nomad's blocked evaluations):
 * <ul>
 * <li><b>active</b>: ready for an attempt, in the current scheduling strategy's order;</li>
 * <li><b>backoff</b>: failed for a passing reason, tried again after 1 s, doubling per failure up to 10 s;</li>
 * <li><b>parked</b>: unplaceable for a known {@link WaitReason}, tried again only on a {@link CapacityEvent} that can
 * cure that reason, on the periodic {@link #flush}, or once parked longer than the maximum park time.</li>
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
    /** Arrival order: the tie-breaker of every order, and the order when no strategy is installed. */
    static final Comparator<QueuedTask> ARRIVAL = Comparator.comparingLong(QueuedTask::sequence);

    /** One placement attempt: the task, and the capacity epoch it was made against. */
    record Attempt(QueuedTask task, long epoch) {
    }

    /** Where a task waits, so that an undone transaction can put it back. */
    enum Part { ACTIVE, BACKOFF, PARKED }

    private record Waiting(QueuedTask task, Instant until) {
    }

    private TreeSet<QueuedTask> active;
    private final Map<String, QueuedTask> activeById = new HashMap<>();
    private Duration maxPark;
    private final PriorityQueue<Waiting> backoff = new PriorityQueue<>(Comparator.comparing(Waiting::until)
            .thenComparingLong(w -> w.task().sequence()));
    private final Map<String, Waiting> backoffById = new HashMap<>();
    private final Map<WaitReason, LinkedHashMap<String, Waiting>> parked = new EnumMap<>(WaitReason.class);
    private final Map<String, WaitReason> parkedReason = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    /** The waiting tasks that have a deadline, earliest first, wherever they wait (not while being tried). */
    private final TreeSet<QueuedTask> deadlines = new TreeSet<>(Comparator.comparing(QueuedTask::deadline)
            .thenComparingLong(QueuedTask::sequence));
    private final Map<String, QueuedTask> deadlineById = new HashMap<>();
    private long epoch;

    SchedulingQueue(Comparator<QueuedTask> order, Duration maxPark) {
        this.active = new TreeSet<>(order.thenComparing(ARRIVAL));
        this.maxPark = maxPark;
        for (WaitReason reason : WaitReason.values()) {
            parked.put(reason, new LinkedHashMap<>());
        }
    }

    /** How long a parked task waits at most for an event that cures its reason; applies to tasks parked from now. */
    void maxPark(Duration maxPark) {
        this.maxPark = maxPark;
    }

    /** Forgets every task (the fleet is loaded again). */
    void clear() {
        tasks().forEach(task -> remove(task.id()));
    }

    /** A new task, ready for its first attempt. */
    void add(QueuedTask task) {
        if (contains(task.id())) {
            throw new IllegalStateException("task " + task.id() + " is queued already");
        }
        activate(task);
        watchDeadline(task);
    }

    boolean contains(String taskId) {
        return activeById.containsKey(taskId) || backoffById.containsKey(taskId) || parkedReason.containsKey(taskId);
    }

    /** Where the task waits, null when it does not. */
    Part partOf(String taskId) {
        return activeById.containsKey(taskId) ? Part.ACTIVE : backoffById.containsKey(taskId) ? Part.BACKOFF
                : parkedReason.containsKey(taskId) ? Part.PARKED : null;
    }

    WaitReason reasonOf(String taskId) {
        return parkedReason.get(taskId);
    }

    boolean hasReady(Instant now) {
        return !active.isEmpty() || (!backoff.isEmpty() && !backoff.peek().until().isAfter(now)) || hasDueParked(now);
    }

    /**
     * The next attempt at {@code now}: tasks whose backoff ended and tasks parked longer than the maximum park time
     * become active first. Null when no task is ready.
     */
    Attempt next(Instant now) {
        release(now);
        QueuedTask task = active.pollFirst();
        if (task == null) {
            return null;
        }
        activeById.remove(task.id());
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
    void failed(Attempt attempt, WaitReason reason, Instant now) {
        QueuedTask task = attempt.task();
        int failed = failures.merge(task.id(), 1, Integer::sum);
        watchDeadline(task);
        if (reason != null && attempt.epoch() == epoch) {
            park(task, reason, now.plus(maxPark));
            return;
        }
        long delay = MIN_BACKOFF.toMillis() << Math.min(failed - 1, 20);
        backOff(task, now.plusMillis(Math.min(delay, MAX_BACKOFF.toMillis())));
    }

    /**
     * A capacity event: advances the epoch and makes active the parked tasks whose reason it can cure, and, unless it
     * is only freed capacity, the tasks backing off.
     */
    int capacityChanged(CapacityEvent event) {
        epoch++;
        int woken = 0;
        if (event.endsBackoff()) {
            while (!backoff.isEmpty()) {
                Waiting waiting = backoff.poll();
                backoffById.remove(waiting.task().id());
                activate(waiting.task());
                woken++;
            }
        }
        for (WaitReason reason : WaitReason.values()) {
            if (event.cures(reason)) {
                woken += wake(reason);
            }
        }
        return woken;
    }

    /** The periodic safety net: every parked task becomes active. */
    int flush() {
        int woken = 0;
        for (WaitReason reason : WaitReason.values()) {
            woken += wake(reason);
        }
        return woken;
    }

    /** The earliest deadline among waiting tasks, null when none has one. */
    Instant nextDeadline() {
        return deadlines.isEmpty() ? null : deadlines.first().deadline();
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

    /** Takes a task out wherever it waits (cancelled, placed by other means, or its addition undone). */
    boolean remove(String taskId) {
        failures.remove(taskId);
        unwatchDeadline(taskId);
        Waiting backingOff = backoffById.remove(taskId);
        if (backingOff != null) {
            backoff.remove(backingOff);
            return true;
        }
        WaitReason reason = parkedReason.remove(taskId);
        if (reason != null) {
            parked.get(reason).remove(taskId);
            return true;
        }
        QueuedTask task = activeById.remove(taskId);
        if (task != null) {
            active.remove(task);
            return true;
        }
        return false;
    }

    /**
     * Puts back a task taken out by a transaction that was undone. It becomes ready at once: its earlier backoff or
     * parking was a verdict about a fleet the undone transaction may have changed.
     */
    void putBack(QueuedTask task) {
        if (!contains(task.id())) {
            activate(task);
            watchDeadline(task);
        }
    }

    /** Another strategy's order from now on; every active task moves over, none is lost. */
    void reorder(Comparator<QueuedTask> order) {
        TreeSet<QueuedTask> next = new TreeSet<>(order.thenComparing(ARRIVAL));
        next.addAll(active);
        active = next;
    }

    long epoch() {
        return epoch;
    }

    int activeCount() {
        return active.size();
    }

    int backoffCount() {
        return backoffById.size();
    }

    Map<WaitReason, Integer> parkedCounts() {
        Map<WaitReason, Integer> counts = new EnumMap<>(WaitReason.class);
        parked.forEach((reason, tasks) -> {
            if (!tasks.isEmpty()) {
                counts.put(reason, tasks.size());
            }
        });
        return counts;
    }

    /** Every waiting task, wherever it waits. */
    List<QueuedTask> tasks() {
        List<QueuedTask> all = new ArrayList<>(active);
        backoffById.values().forEach(w -> all.add(w.task()));
        parked.values().forEach(tasks -> tasks.values().forEach(w -> all.add(w.task())));
        return all;
    }

    private void activate(QueuedTask task) {
        activeById.put(task.id(), task);
        active.add(task);
    }

    private void park(QueuedTask task, WaitReason reason, Instant until) {
        parked.get(reason).put(task.id(), new Waiting(task, until));
        parkedReason.put(task.id(), reason);
    }

    private void backOff(QueuedTask task, Instant until) {
        Waiting waiting = new Waiting(task, until);
        backoff.add(waiting);
        backoffById.put(task.id(), waiting);
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

    private int wake(WaitReason reason) {
        LinkedHashMap<String, Waiting> tasks = parked.get(reason);
        int woken = tasks.size();
        for (Waiting waiting : tasks.values()) {
            parkedReason.remove(waiting.task().id());
            activate(waiting.task());
        }
        tasks.clear();
        return woken;
    }

    private boolean hasDueParked(Instant now) {
        for (LinkedHashMap<String, Waiting> tasks : parked.values()) {
            if (!tasks.isEmpty() && !tasks.values().iterator().next().until().isAfter(now)) {
                return true;
            }
        }
        return false;
    }

    private void release(Instant now) {
        while (!backoff.isEmpty() && !backoff.peek().until().isAfter(now)) {
            Waiting ready = backoff.poll();
            backoffById.remove(ready.task().id());
            activate(ready.task());
        }
        for (LinkedHashMap<String, Waiting> tasks : parked.values()) {
            // parked in order of parking with the same maximum: the first not yet due ends the scan of that reason
            Iterator<Waiting> iterator = tasks.values().iterator();
            while (iterator.hasNext()) {
                Waiting waiting = iterator.next();
                if (waiting.until().isAfter(now)) {
                    break;
                }
                iterator.remove();
                parkedReason.remove(waiting.task().id());
                activate(waiting.task());
            }
        }
    }
}
