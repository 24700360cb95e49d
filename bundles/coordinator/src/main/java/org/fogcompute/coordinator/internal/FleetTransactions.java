package org.fogcompute.coordinator.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.fogcompute.api.store.FleetStore;
import org.fogcompute.api.store.StoreUnavailableException;

/**
 * How the coordinator changes its state: one lock for every change, a journal per change, group commits to the
 * store, undo when the store refuses, events published only after a commit.
 */
final class FleetTransactions {
    /** Guards the fleet state; see {@link Coordinator}. */
    final Object lock = new Object();
    /** False until the fleet is loaded from the store: writes are refused meanwhile. */
    volatile boolean ready;

    private final FleetState state;
    private final FleetStore store;
    private final EventSink events;
    private final Supplier<CoordinatorSettings> settings;
    private final List<Map.Entry<String, Map<String, Object>>> outbox = new ArrayList<>();
    /** The journal of the mutation running under the lock. */
    private Journal journal = new Journal(0);
    /** Mutations applied in memory whose commit is still to come, oldest first. Guarded by the lock. */
    private final ArrayDeque<Journal> uncommitted = new ArrayDeque<>();
    /** Guards {@link #committing}; writers wait on it for their commit. Never held together with the lock. */
    private final Object commitMonitor = new Object();
    /** Whether a thread is committing right now. */
    private boolean committing;

    FleetTransactions(FleetState state, FleetStore store, EventSink events, Supplier<CoordinatorSettings> settings) {
        this.state = state;
        this.store = store;
        this.events = events;
        this.settings = settings;
    }

    /** The journal of the running mutation; call only under the lock. */
    Journal journal() {
        return journal;
    }

    /** Queues an event of the running mutation; published after its commit. Call only under the lock. */
    void emit(String topic, Map<String, Object> properties) {
        outbox.add(Map.entry(topic, properties));
    }

    /**
     * Runs a mutation under the lock, then waits until it is committed and publishes its events. Commits are grouped:
     * whoever takes the commit lock first writes every mutation applied so far in one transaction, so concurrent
     * writers share one round trip to the database. If that transaction fails, every uncommitted mutation is undone
     * in memory, newest first, and each of their callers gets the failure: nothing the database refused stays.
     */
    <T> T mutate(Supplier<T> mutation) {
        Journal mine;
        T result;
        synchronized (lock) {
            if (!ready) {
                throw new StoreUnavailableException("the coordinator is still loading its state from the database; "
                        + "retry shortly", null);
            }
            mine = new Journal(state.finishedOrder.size());
            journal = mine;
            try {
                result = mutation.get();
            } catch (RuntimeException e) {
                state.undo(mine);
                outbox.clear();
                throw e;
            }
            mine.events.addAll(outbox);
            outbox.clear();
            if (mine.isEmpty() || store == FleetStore.NONE) {
                mine.committed = true;
                if (uncommitted.isEmpty()) {
                    state.forgetOldFinishedTasks(settings.get().finishedTaskRetention());
                }
            } else {
                uncommitted.addLast(mine);
            }
        }
        if (mine.committed == null) {
            awaitCommit(mine);
        }
        mine.events.forEach(e -> events.publish(e.getKey(), e.getValue()));
        return result;
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

    /** One transaction for every mutation applied so far; on failure all of them are undone, newest first. */
    private void commitWaitingMutations() {
        List<Journal> batch;
        FleetStore.Changes changes;
        Map<NodeEntry, NodeEntry.StoredView> storedViews = new IdentityHashMap<>();
        synchronized (lock) {
            batch = new ArrayList<>(uncommitted);
            changes = state.changesOf(batch, storedViews);
        }
        try {
            store.commit(settings.get().coordinatorId(), changes);
        } catch (RuntimeException e) {
            synchronized (lock) {
                for (Journal undone : (Iterable<Journal>) uncommitted::descendingIterator) {
                    state.undo(undone);
                    undone.failure = e;
                    undone.committed = false;
                }
                uncommitted.clear();
            }
            return;
        }
        synchronized (lock) {
            for (Journal done : batch) {
                uncommitted.pollFirst();
                done.committed = true;
            }
            storedViews.forEach((entry, view) -> entry.lastStored = view);
            if (uncommitted.isEmpty()) {
                state.forgetOldFinishedTasks(settings.get().finishedTaskRetention());
            }
        }
    }
}
