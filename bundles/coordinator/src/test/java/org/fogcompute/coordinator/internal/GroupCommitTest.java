package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fogcompute.coordinator.internal.Fleet.node;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.fogcompute.api.store.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Concurrent writers share transactions; a failed transaction undoes every mutation waiting on it. */
class GroupCommitTest {
    private final GatedStore store = new GatedStore();
    private final Fleet fleet = new Fleet(CoordinatorSettings.DEFAULTS, store);
    private final Coordinator coordinator = fleet.coordinator;
    private final ExecutorService writers = Executors.newFixedThreadPool(11);

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    private List<Future<?>> registerConcurrently() throws InterruptedException {
        List<Future<?>> results = new ArrayList<>();
        store.holdNextCommit();
        results.add(writers.submit(() -> coordinator.register(node("first", 1, 512).build())));
        assertThat(store.heldCommitEntered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 10; i++) {
            String id = "n" + i;
            results.add(writers.submit(() -> coordinator.register(node(id, 1, 512).build())));
        }
        waitFor(() -> coordinator.size() == 11);
        return results;
    }

    @Test
    void writersWaitingBehindACommitShareTheNextOne() throws Exception {
        int commitsBefore = store.commits;
        List<Future<?>> results = registerConcurrently();
        store.release.countDown();
        for (Future<?> result : results) {
            result.get(10, TimeUnit.SECONDS);
        }
        assertThat(store.commits - commitsBefore).isEqualTo(2);
        assertThat(store.nodes).hasSize(11);
    }

    @Test
    void aFailedCommitUndoesEveryWaitingMutationAndFailsEachWriter() throws Exception {
        store.failHeld = true;
        List<Future<?>> results = registerConcurrently();
        store.release.countDown();
        int failed = 0;
        for (Future<?> result : results) {
            try {
                result.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(StoreUnavailableException.class);
                failed++;
            }
        }
        assertThat(failed).isEqualTo(11);
        assertThat(coordinator.size()).isZero();
        assertThat(store.nodes).isEmpty();
        assertThat(coordinator.indexInconsistencies()).isEmpty();
        coordinator.register(node("after", 1, 512).build());
        assertThat(store.nodes).containsOnlyKeys("after");
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
