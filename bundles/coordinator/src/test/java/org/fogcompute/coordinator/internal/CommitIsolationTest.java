package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.store.CommitOutcomeUnknownException;
import org.fogcompute.api.store.StoreRefusedException;
import org.fogcompute.api.store.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One caller's change that the database refuses fails that caller alone; the others are committed. */
class CommitIsolationTest {
    /** Refuses any transaction holding a task of type "poison", as a database refuses a value it cannot hold. */
    private static final class PoisonStore extends GatedStore {
        @Override
        public void commit(String ownerId, Changes changes) {
            if (changes.newTasks().stream().anyMatch(t -> "poison".equals(t.spec().type()))) {
                throw new StoreRefusedException("value too large for column \"task_type\"", null);
            }
            super.commit(ownerId, changes);
        }
    }

    private final PoisonStore store = new PoisonStore();
    private final Fleet fleet = new Fleet(CoordinatorSettings.DEFAULTS, store);
    private final Coordinator coordinator = fleet.coordinator;
    private final ExecutorService writers = Executors.newFixedThreadPool(12);

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @Test
    void aRefusedChangeFailsOnlyItsOwnCallerAndTheOthersAreCommitted() throws Exception {
        coordinator.register(node("base", 64, 65536).build());
        store.holdNextCommit();
        // hold one commit so that the next ones pile up into one group with the poisoned change among them
        Future<?> held = writers.submit(() -> coordinator.register(node("held", 1, 512).build()));
        assertThat(store.heldCommitEntered.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<?>> innocent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "n" + i;
            innocent.add(writers.submit(() -> coordinator.register(node(id, 1, 512).build())));
        }
        Future<?> poisoned = writers.submit(() -> coordinator.submit(task("bad", 1, 64).type("poison").build()));
        for (int i = 0; i < 5; i++) {
            String id = "t" + i;
            innocent.add(writers.submit(() -> coordinator.submit(task(id, 1, 64).build())));
        }
        store.release.countDown();
        held.get(10, TimeUnit.SECONDS);
        for (Future<?> result : innocent) {
            result.get(10, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> poisoned.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreRefusedException.class);

        assertThat(store.nodes).containsKeys("base", "held", "n0", "n1", "n2", "n3", "n4");
        assertThat(store.tasks).containsKeys("t0", "t1", "t2", "t3", "t4").doesNotContainKey("bad");
        assertThat(coordinator.findTask("bad")).isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(coordinator.findTask("t" + i).orElseThrow().status()).isEqualTo(TaskStatus.ASSIGNED);
        }
        assertThat(coordinator.current().assignedTasks()).isEqualTo(5);
        assertThat(coordinator.indexInconsistencies()).isEmpty();
        assertThat(coordinator.health().commits().refused()).isPositive();
    }

    @Test
    void aWriterWhoseChangeWasUndoneBeforeItWaitedIsNeverAcknowledged() throws Exception {
        // many writers, a poisoned change every few: every acknowledged registration must be in the store
        coordinator.register(node("base", 1_000_000, 1L << 40).build());
        List<Future<String>> registrations = new ArrayList<>();
        List<Future<?>> poisons = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String id = "r" + i;
            registrations.add(writers.submit(() -> {
                coordinator.register(node(id, 1, 512).build());
                return id;
            }));
            if (i % 10 == 0) {
                poisons.add(writers.submit(() -> coordinator.submit(task(null, 1, 1).type("poison").build())));
            }
        }
        List<String> acknowledged = new ArrayList<>();
        for (Future<String> registration : registrations) {
            acknowledged.add(registration.get(30, TimeUnit.SECONDS));
        }
        for (Future<?> poison : poisons) {
            assertThatThrownBy(() -> poison.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreRefusedException.class);
        }
        synchronized (store) {
            for (String id : acknowledged) {
                assertThat(store.nodes).as("acknowledged registration %s is stored", id).containsKey(id);
                assertThat(coordinator.findNode(id)).as("acknowledged registration %s is in memory", id).isPresent();
            }
        }
        assertThat(coordinator.indexInconsistencies()).isEmpty();
    }

    @Test
    void aFinishedTaskIdThatMemoryLetGoIsAConflictNotAFailedCommit() {
        Fleet small = new Fleet(new CoordinatorSettings("c", CoordinatorSettings.DEFAULTS.heartbeatInterval(),
                CoordinatorSettings.DEFAULTS.heartbeatTimeout(), 8.0, 3, 10, 0), store);
        small.coordinator.register(node("a", 4, 4096).build());
        small.coordinator.submit(task("done", 1, 256).build());
        small.coordinator.complete("done");
        int refusedBefore = (int) small.coordinator.health().commits().refused();

        assertThatThrownBy(() -> small.coordinator.submit(task("done", 1, 256).build()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already exists");
        assertThat(small.coordinator.health().commits().refused()).isEqualTo(refusedBefore);
        // the finished task is still readable, from the database
        assertThat(small.coordinator.findTask("done").orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void aCommitWhoseOutcomeIsUnknownMakesTheCoordinatorReloadBeforeItAnswersAgain() {
        InMemoryStore inDoubt = new InMemoryStore() {
            @Override
            public synchronized void commit(String ownerId, Changes changes) {
                super.commit(ownerId, changes);
                if (changes.newNodes().stream().anyMatch(n -> n.node().id().equals("applied"))) {
                    throw new CommitOutcomeUnknownException("socket timeout during commit", null);
                }
            }
        };
        Fleet other = new Fleet(CoordinatorSettings.DEFAULTS, inDoubt);
        other.coordinator.register(node("before", 2, 2048).build());

        assertThatThrownBy(() -> other.coordinator.register(node("applied", 2, 2048).build()))
                .isInstanceOf(CommitOutcomeUnknownException.class);
        assertThat(other.coordinator.isReady()).isFalse();
        assertThatThrownBy(() -> other.coordinator.findNode("before")).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> other.coordinator.register(node("later", 2, 2048).build()))
                .isInstanceOf(StoreUnavailableException.class);

        other.coordinator.restore();
        assertThat(other.coordinator.findNode("applied")).as("the database's truth, loaded again").isPresent();
        assertThat(other.coordinator.findNode("before")).isPresent();
        assertThat(other.coordinator.indexInconsistencies()).isEmpty();
    }

    @Test
    void valuesTheStoreCannotHoldAreRefusedAtTheEdgeNamingTheField() {
        assertThatThrownBy(() -> TaskSpec.builder().deadline(Instant.parse("+1000000000-12-31T23:59:59Z")).build())
                .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).field())
                .isEqualTo("deadline");
        assertThatThrownBy(() -> TaskSpec.builder().payload("a\u0000b").build())
                .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).field())
                .isEqualTo("payload");
        assertThatThrownBy(() -> node("x", 1, 1).region("eu\u0000west").build())
                .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).field())
                .isEqualTo("region");
        coordinator.register(node("a", 4, 4096).build());
        coordinator.submit(task("t", 1, 256).build());
        assertThatThrownBy(() -> coordinator.fail("t", "broke\u0000down"))
                .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).field())
                .isEqualTo("reason");
        assertThat(coordinator.findTask("t").orElseThrow().status()).isEqualTo(TaskStatus.ASSIGNED);
    }
}
