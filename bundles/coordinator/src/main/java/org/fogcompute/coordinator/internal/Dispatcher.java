package org.fogcompute.coordinator.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.scheduling.QueueStats;
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.SchedulingStrategies;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.fogcompute.api.scheduling.WaitReason;

/**
 * The coordinator's scheduling concern: which scheduling strategies apply, whether a task is admitted, the order in
 * which waiting tasks are tried, what a task that cannot be placed waits for, and deadlines. The coordinator keeps the
 * fleet and the task lifecycle; it asks this class to drain the queue inside its transactions, and this class asks
 * it back ({@link Host}) to place or finish a task.
 *
 * <p>Guarded by the coordinator's lock, like the state it works on; call only inside a coordinator mutation (or
 * under its lock for {@link #hasWork} and {@link #stats}).
 */
final class Dispatcher {
    /** What the dispatcher needs the coordinator to do. */
    interface Host {
        /** Places the task (ASSIGNED, capacity reserved) or says why not; nothing changes on failure. */
        Placer.Decision attemptPlacement(TaskEntry task);

        void finish(TaskEntry task, TaskStatus status, String message);

        /** Announces that the task waits (once, when it first does). */
        void announcePending(TaskEntry task);
    }

    private final FleetState state;
    private final Map<String, TaskEntry> tasks;
    private final SchedulingQueue queue;
    private final FleetTransactions tx;
    private final Clock clock;
    private final Placer placer;
    private final Host host;
    private final WaitTimes waitTimes = new WaitTimes();
    private QueueSettings settings = QueueSettings.DEFAULTS;
    private SchedulingStrategies scheduling = SchedulingStrategyRegistry.NONE;
    /** The strategy whose order the queue keeps now (null: built in). */
    private String orderName;
    /** The strategies changed since the queue was last sorted: the next drain sorts it again. */
    private volatile boolean orderStale = true;
    private long lastFlushMillis;
    private long deadlineExceeded;

    Dispatcher(FleetState state, FleetTransactions tx, Clock clock, Placer placer, Host host) {
        this.state = state;
        this.tasks = state.tasks;
        this.queue = state.queue;
        this.tx = tx;
        this.clock = clock;
        this.placer = placer;
        this.host = host;
        this.lastFlushMillis = clock.millis();
    }

    void scheduling(SchedulingStrategies strategies) {
        this.scheduling = strategies;
        placer.scheduling(strategies);
        reorder();
    }

    void settings(QueueSettings newSettings) {
        this.settings = newSettings;
        queue.maxPark(newSettings.maxPark());
    }

    /** The strategies changed (any thread): the queue is sorted again at the next drain. */
    void orderChanged() {
        orderStale = true;
    }

    /** Sorts the queue in the order of the default scheduling strategy as it is now. */
    void reorder() {
        orderStale = false;
        queue.reorder(Scheduling.orderOf(scheduling));
        orderName = Scheduling.orderName(scheduling);
    }

    /** A task naming a scheduling strategy must name one that is (or was) installed: 422 otherwise. */
    void requireKnownStrategy(TaskSpec spec) {
        if (spec.schedulingStrategy() != null && !scheduling.isKnown(spec.schedulingStrategy())) {
            throw new ValidationException("schedulingStrategy", "unknown scheduling strategy '"
                    + spec.schedulingStrategy() + "'; available: " + scheduling.names());
        }
    }

    /**
     * The scheduling strategy of the task (or the default) may refuse it at submission: a 422 with its reason. A price
     * limit that the task's strategy would not keep is refused too, rather than silently ignored.
     */
    void admit(TaskSpec spec) {
        SchedulingStrategies.NamedStrategy named = scheduling.resolve(spec.schedulingStrategy()).orElse(null);
        if (spec.priceLimit() != null && (named == null || !honoursPriceLimit(named.strategy()))) {
            throw new ValidationException("priceLimit", "a price limit is kept by a scheduling strategy that prices "
                    + "nodes (cost); " + (named == null ? "no scheduling strategy is installed"
                    : "'" + named.name() + "' does not") + ": name one in schedulingStrategy, or leave priceLimit out");
        }
        if (named == null) {
            return;
        }
        String refusal;
        try {
            refusal = named.strategy().admit(spec, placer.candidatesFor(spec), clock.instant());
        } catch (RuntimeException e) {
            return; // a strategy being stopped mid-call admits, as the built-in order would
        }
        if (refusal != null) {
            throw new ValidationException("admission", "scheduling strategy '" + named.name() + "' refused the task: "
                    + refusal);
        }
    }

    private static boolean honoursPriceLimit(SchedulingStrategy strategy) {
        try {
            return strategy.honoursPriceLimit();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Puts a task that holds no reservation back into the queue, PENDING with the reason. */
    void enqueue(TaskEntry task, String reason) {
        tx.journal().task(task, queue.contains(task.id()));
        state.setStatus(task, TaskStatus.PENDING);
        task.nodeId = null;
        task.routedBy = null;
        task.message = reason;
        if (!queue.contains(task.id())) {
            queue.add(task.queued);
        }
    }

    /**
     * Tries every ready task in the scheduling order. One that cannot be placed waits (backoff or parked by its
     * reason) without blocking those behind it. Within one drain the fleet only fills up, so a task that needs at
     * least as much as one that found no capacity is parked without an attempt.
     */
    void drain() {
        if (orderStale) {
            reorder();
        }
        Instant now = clock.instant();
        List<TaskSpec> noCapacity = new ArrayList<>(4);
        SchedulingQueue.Attempt attempt;
        while ((attempt = queue.next(now)) != null) {
            TaskEntry task = tasks.get(attempt.task().id());
            if (task == null || task.status != TaskStatus.PENDING) {
                continue; // not a waiting task any more: nothing to journal
            }
            // journalled only when it changes: a task that just waits again costs the database nothing
            if (task.spec.deadline() != null && !task.spec.deadline().isAfter(now)) {
                tx.journal().task(task, true);
                expire(task);
                continue;
            }
            TaskSpec dominated = dominatedBy(task.spec, noCapacity);
            if (dominated != null) {
                waitFor(task, attempt, WaitReason.NO_CAPACITY, task.message != null ? task.message
                        : "no capacity: a task needing no more than this one found none", now);
                continue;
            }
            Placer.Decision decision = host.attemptPlacement(task);
            if (decision.node() != null) {
                queue.placed(attempt);
                if (task.assignments.size() == 1 && task.retryCount == 0) {
                    waitTimes.record(task.spec.priority(), now.toEpochMilli() - task.submittedAt.toEpochMilli());
                }
            } else {
                if (decision.waitReason() == WaitReason.NO_CAPACITY && noCapacity.size() < 16) {
                    noCapacity.add(task.spec);
                }
                waitFor(task, attempt, decision.waitReason(),
                        decision.reason() != null ? decision.reason() : "strategy chose an unusable node", now);
            }
        }
    }

    /** A task found no capacity earlier in this drain whose needs this one's cover, or null. */
    private static TaskSpec dominatedBy(TaskSpec spec, List<TaskSpec> noCapacity) {
        for (TaskSpec failed : noCapacity) {
            var r = spec.requirements();
            var f = failed.requirements();
            if (r.cpuCores() >= f.cpuCores() && r.memoryMb() >= f.memoryMb() && r.storageMb() >= f.storageMb()
                    && (r.gpu() || !f.gpu()) && (spec.needsOnionRouting() || !failed.needsOnionRouting())
                    && spec.strategy() == null && failed.strategy() == null
                    && Objects.equals(spec.schedulingStrategy(), failed.schedulingStrategy())
                    && spec.priceLimit() == null && failed.priceLimit() == null) {
                return failed;
            }
        }
        return null;
    }

    private void waitFor(TaskEntry task, SchedulingQueue.Attempt attempt, WaitReason reason, String message,
                         Instant now) {
        boolean announced = task.message != null;
        if (!message.equals(task.message)) {
            tx.journal().task(task, true);
            task.message = message;
        }
        queue.failed(attempt, reason, now);
        if (!announced) {
            host.announcePending(task);
        }
    }

    /** Whether the timer has anything to do now: a deadline passed, the flush is due, or a task is ready. */
    boolean hasWork() {
        Instant now = clock.instant();
        Instant deadline = queue.nextDeadline();
        return deadline != null && !deadline.isAfter(now) || flushDue() || queue.hasReady(now);
    }

    /**
     * The queue's timer: fails the waiting tasks whose deadline passed, makes every parked task ready once per flush
     * interval, and tries the tasks whose backoff or park time ended.
     *
     * @return how many tasks were failed for their deadline
     */
    int tick() {
        int expired = 0;
        for (QueuedTask waiting : queue.expire(clock.instant())) {
            TaskEntry task = tasks.get(waiting.id());
            if (task != null && task.status == TaskStatus.PENDING) {
                tx.journal().task(task, true);
                expire(task);
                expired++;
            }
        }
        if (flushDue()) {
            lastFlushMillis = clock.millis();
            queue.flush();
        }
        drain();
        return expired;
    }

    /** Every parked task tried again now; returns how many were parked. */
    int flush() {
        int woken = queue.flush();
        drain();
        return woken;
    }

    QueueStats stats() {
        Instant oldest = null;
        for (QueuedTask waiting : queue.tasks()) {
            if (oldest == null || waiting.queuedAt().isBefore(oldest)) {
                oldest = waiting.queuedAt();
            }
        }
        return new QueueStats(orderName, queue.activeCount(), queue.backoffCount(), queue.parkedCounts(), oldest,
                queue.epoch(), deadlineExceeded, waitTimes.percentiles());
    }

    private boolean flushDue() {
        return clock.millis() - lastFlushMillis >= settings.flushInterval().toMillis();
    }

    /** Fails a waiting task whose deadline passed; it is out of the queue already. */
    private void expire(TaskEntry task) {
        deadlineExceeded++;
        String waited = task.message == null ? "not placed yet" : task.message;
        host.finish(task, TaskStatus.FAILED, Coordinator.DEADLINE_EXCEEDED + ": deadline " + task.spec.deadline()
                + " passed while the task waited (" + (waited.length() > 512 ? waited.substring(0, 512) + "..."
                : waited) + ")");
    }
}
