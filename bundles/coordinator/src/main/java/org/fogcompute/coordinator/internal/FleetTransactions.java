package org.fogcompute.coordinator.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.fogcompute.api.CommitStatistics;
import org.fogcompute.api.FogException;
import org.fogcompute.api.store.CommitOutcomeUnknownException;
import org.fogcompute.api.store.FleetStore;
import org.fogcompute.api.store.StoreRefusedException;
import org.fogcompute.api.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the coordinator changes its state: one lock for every change, a journal per change, group commits to the
 * store, undo when the store refuses, events published only after a commit.
 *
 * <p>A group commit shares one transaction between the changes of concurrent writers. So that one writer's change
 * cannot fail the others': when the database refuses a group (a value it cannot hold, a duplicate key) every change of
 * the group is undone and run again, each in a transaction of its own, so that only the change at fault fails and
 * only its caller hears of it. When the database is unreachable, every waiting change fails (503): none of them can be
 * committed then.
 */
final class FleetTransactions {
    /** How long a change may wait for its turn to be committed alone before the caller is told to retry. */
    private static final long TURN_WAIT_MILLIS = 30_000;
    /** A change is run at most this often: once in a group, then alone (a few more when groups keep failing). */
    private static final int MAX_ATTEMPTS = 4;
    private static final long FAILURE_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Logger log = LoggerFactory.getLogger(FleetTransactions.class);
    /** Guards the fleet state; see {@link Coordinator}. */
    final Object lock = new Object();
    /** False until the fleet is loaded from the store: reads and writes are refused meanwhile. */
    volatile boolean ready;
    /** Whether the database answered the last commit or probe. */
    volatile boolean storeReachable = true;

    private final FleetState state;
    private final FleetStore store;
    private final EventSink events;
    private final Supplier<CoordinatorSettings> settings;
    private final Clock clock;
    /** Called, without the lock, after a commit whose outcome is unknown made the coordinator unready. */
    private final Runnable outcomeUnknown;
    private final List<Map.Entry<String, Map<String, Object>>> outbox = new ArrayList<>();
    /** The journal of the mutation running under the lock. */
    private Journal journal = new Journal(0);
    /** Mutations applied in memory whose commit is still to come, oldest first. Guarded by the lock. */
    private final ArrayDeque<Journal> uncommitted = new ArrayDeque<>();
    /** Writers waiting to commit a change alone, and whether one is being applied or committed. Guarded by the lock. */
    private int aloneWaiting;
    private boolean aloneRunning;
    /** Guards {@link #committing}; writers wait on it for their commit. Never held together with the lock. */
    private final Object commitMonitor = new Object();
    /** Whether a thread is committing right now. */
    private boolean committing;

    private final AtomicLong committed = new AtomicLong();
    /** How long the database took for a group commit, and how many changes a commit carried: for /metrics. */
    final org.fogcompute.api.metrics.Histogram commitSeconds = new org.fogcompute.api.metrics.Histogram(
            org.fogcompute.api.metrics.Histogram.LATENCY_SECONDS);
    final org.fogcompute.api.metrics.Histogram changesPerCommit = new org.fogcompute.api.metrics.Histogram(
            new double[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024});
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong retriedAlone = new AtomicLong();
    private volatile String lastFailure;
    private volatile Instant lastFailureAt;
    private final FailureLog refusalLog = new FailureLog();
    private final FailureLog outageLog = new FailureLog();

    FleetTransactions(FleetState state, FleetStore store, EventSink events, Supplier<CoordinatorSettings> settings,
                      Clock clock, Runnable outcomeUnknown) {
        this.outcomeUnknown = outcomeUnknown;
        this.state = state;
        this.store = store;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** The journal of the running mutation; call only under the lock. */
    Journal journal() {
        return journal;
    }

    /** Queues an event of the running mutation; published after its commit. Call only under the lock. */
    void emit(String topic, Map<String, Object> properties) {
        outbox.add(Map.entry(topic, properties));
    }

    CommitStatistics statistics() {
        return new CommitStatistics(committed.get(), refused.get(), unavailable.get(), retriedAlone.get(),
                lastFailure, lastFailureAt);
    }

    /** Refuses a call while the fleet is not loaded; call under the lock. */
    void requireReady() {
        if (!ready) {
            throw new StoreUnavailableException("the coordinator is still loading its fleet from the database; "
                    + "retry shortly", null);
        }
    }

    /**
     * Runs a mutation under the lock, then waits until it is committed and publishes its events.
     * Commits are grouped: whoever takes the commit lock first writes every mutation applied so far in one
     * transaction, so concurrent writers share one round trip to the database. A 2xx answer is only ever given for a
     * committed mutation.
     *
     * <p>The mutation may run more than once: when the group it was committed with is refused, it is undone and run
     * again alone. It must therefore read everything it needs from the state, and have no effect outside it.
     */
    <T> T mutate(Supplier<T> mutation) {
        boolean alone = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(mutation, alone);
            } catch (RetryChange retry) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new StoreUnavailableException("the database kept refusing the transactions this change "
                            + "was grouped with (" + rootMessage(retry.getCause()) + "); retry", retry.getCause());
                }
                alone = alone || retry.alone || attempt >= 2;
                if (alone) {
                    retriedAlone.incrementAndGet();
                }
            }
        }
    }

    private <T> T attempt(Supplier<T> mutation, boolean alone) {
        Journal mine;
        T result;
        synchronized (lock) {
            requireReady();
            waitForTurn(alone);
            mine = new Journal(state.finishedOrder.size(), alone);
            journal = mine;
            try {
                result = mutation.get();
            } catch (RuntimeException e) {
                state.undo(mine);
                outbox.clear();
                endAlone(mine);
                throw e;
            }
            mine.events.addAll(outbox);
            outbox.clear();
            if (mine.isEmpty() || store == FleetStore.NONE) {
                mine.committed = true;
                endAlone(mine);
                if (uncommitted.isEmpty()) {
                    state.forgetOldFinishedTasks(settings.get().finishedTaskRetention());
                }
            } else {
                uncommitted.addLast(mine);
            }
        }
        // a writer may find its mutation already committed, or already undone with the group it was in
        if (mine.committed != Boolean.TRUE) {
            awaitCommit(mine);
        }
        mine.events.forEach(e -> events.publish(e.getKey(), e.getValue()));
        return result;
    }

    /**
     * A change to be committed alone waits until no other change is uncommitted and holds new ones back until it is
     * committed; other changes wait while one is. Call under the lock.
     */
    private void waitForTurn(boolean alone) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TURN_WAIT_MILLIS);
        if (alone) {
            aloneWaiting++;
            try {
                while (aloneRunning || !uncommitted.isEmpty()) {
                    waitOnLock(deadline);
                }
            } finally {
                aloneWaiting--;
                lock.notifyAll();
            }
            requireReady();
            aloneRunning = true;
        } else {
            while (aloneRunning || aloneWaiting > 0) {
                waitOnLock(deadline);
            }
            requireReady();
        }
    }

    private void waitOnLock(long deadline) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new StoreUnavailableException("timed out waiting for the database to take earlier changes; "
                    + "retry shortly", null);
        }
        try {
            lock.wait(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the database", e);
        }
    }

    /** Lets the next change in once a change committed alone is done; call under the lock. */
    private void endAlone(Journal done) {
        if (done.alone) {
            aloneRunning = false;
            lock.notifyAll();
        }
    }

    /**
     * Waits until the mutation is committed, committing it (with every other waiting one) when no commit is running.
     * Committed writers are woken together, so none waits for the others to hand a lock along.
     */
    private void awaitCommit(Journal mine) {
        while (true) {
            synchronized (commitMonitor) {
                while (mine.committed == null && committing) {
                    try {
                        commitMonitor.wait();
                    } catch (InterruptedException e) {
                        // the mutation stays with the group and is committed or undone with it; this caller will not
                        // know which, as with a lost connection
                        Thread.currentThread().interrupt();
                        throw new StoreUnavailableException("interrupted while waiting for the database", e);
                    }
                }
                if (mine.committed != null) {
                    if (!mine.committed) {
                        throw mine.failure;
                    }
                    return;
                }
                committing = true;
            }
            try {
                commitWaitingMutations();
            } finally {
                synchronized (commitMonitor) {
                    committing = false;
                    commitMonitor.notifyAll();
                }
            }
        }
    }

    /** One transaction for every mutation applied so far. */
    private void commitWaitingMutations() {
        List<Journal> batch = null;
        Map<NodeEntry, NodeEntry.StoredView> storedViews = new IdentityHashMap<>();
        Map<TaskEntry, Integer> storedAssignments = new IdentityHashMap<>();
        try {
            FleetStore.Changes changes;
            synchronized (lock) {
                if (uncommitted.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(uncommitted);
                changes = state.changesOf(batch, storedViews, storedAssignments);
            }
            long started = System.nanoTime();
            store.commit(settings.get().coordinatorId(), changes);
            commitSeconds.observeNanos(System.nanoTime() - started);
            changesPerCommit.observe(batch.size());
        } catch (StoreUnavailableException e) {
            unavailable(e);
            return;
        } catch (RuntimeException e) {
            refused(batch, e);
            return;
        }
        synchronized (lock) {
            for (Journal done : batch) {
                uncommitted.pollFirst();
                done.committed = true;
                endAlone(done);
            }
            storedViews.forEach((entry, view) -> entry.lastStored = view);
            storedAssignments.forEach((task, count) -> task.storedAssignments = count);
            if (uncommitted.isEmpty()) {
                state.forgetOldFinishedTasks(settings.get().finishedTaskRetention());
                lock.notifyAll();
            }
        }
        committed.incrementAndGet();
        storeReachable = true;
    }

    /** The database cannot be reached: nothing waiting can be committed now, so every waiting change fails (503). */
    private void unavailable(StoreUnavailableException e) {
        int count;
        boolean unknown = e instanceof CommitOutcomeUnknownException;
        synchronized (lock) {
            count = uncommitted.size();
            undoAll(undone -> e);
            if (unknown) {
                // memory may now lack what the database has: take no reads or writes until reloaded from it
                ready = false;
            }
        }
        if (unknown) {
            log.warn("Fog database did not confirm a commit of {} change(s) in time; their callers answered 503 "
                    + "(outcome unknown) and the fleet is reloaded from the database once it answers: {}", count,
                    e.getMessage());
            outcomeUnknown.run();
        }
        unavailable.incrementAndGet();
        storeReachable = false;
        recordFailure(e);
        outageLog.log(log, "Fog database unavailable: a transaction of {} change(s) was not committed and its "
                + "callers answered 503: {}", count, e.getMessage());
    }

    /**
     * The database refused the group: a change alone in its transaction gets the refusal; every other change is run
     * again, alone if it was in the refused transaction, so that the change at fault is found and fails by itself.
     */
    private void refused(List<Journal> batch, RuntimeException e) {
        int count;
        synchronized (lock) {
            List<Journal> tried = batch == null ? new ArrayList<>(uncommitted) : batch;
            count = tried.size();
            Journal only = tried.size() == 1 ? tried.get(0) : null;
            Set<Journal> inBatch = Collections.newSetFromMap(new IdentityHashMap<>());
            inBatch.addAll(tried);
            undoAll(undone -> undone == only ? ownFailure(e) : new RetryChange(inBatch.contains(undone), e));
        }
        refused.incrementAndGet();
        recordFailure(e);
        refusalLog.log(log, "Fog database refused a transaction of {} change(s); {}: {}", count,
                count == 1 ? "its caller got the error" : "each change is tried again alone", rootMessage(e));
    }

    private void undoAll(java.util.function.Function<Journal, RuntimeException> failureOf) {
        for (Journal undone : (Iterable<Journal>) uncommitted::descendingIterator) {
            state.undo(undone);
            undone.failure = failureOf.apply(undone);
            undone.committed = false;
            endAlone(undone);
        }
        uncommitted.clear();
        lock.notifyAll();
    }

    private void recordFailure(RuntimeException e) {
        lastFailure = rootMessage(e);
        lastFailureAt = clock.instant();
    }

    /** The error a change's own caller gets when the database refused it: as the store said it, or a refusal. */
    private static RuntimeException ownFailure(RuntimeException e) {
        if (e instanceof FogException) {
            return e;
        }
        return new StoreRefusedException("the database refused this change: " + rootMessage(e), e);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Tells a writer to run its change again; never reaches a caller. */
    private static final class RetryChange extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean alone;

        RetryChange(boolean alone, RuntimeException cause) {
            super("retry " + (alone ? "alone" : "in the next group"), cause, false, false);
            this.alone = alone;
        }
    }

    /** One line per kind of failure at most every ten seconds, saying how many were not logged in between. */
    private static final class FailureLog {
        private long lastNanos = System.nanoTime() - FAILURE_LOG_INTERVAL_NANOS;
        private long suppressed;

        synchronized void log(Logger log, String format, Object... arguments) {
            long now = System.nanoTime();
            if (now - lastNanos < FAILURE_LOG_INTERVAL_NANOS) {
                suppressed++;
                return;
            }
            lastNanos = now;
            if (suppressed > 0) {
                log.warn(format + " ({} more since the last report)", append(arguments, suppressed));
            } else {
                log.warn(format, arguments);
            }
            suppressed = 0;
        }

        private static Object[] append(Object[] arguments, Object extra) {
            Object[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
            all[arguments.length] = extra;
            return all;
        }
    }
}
