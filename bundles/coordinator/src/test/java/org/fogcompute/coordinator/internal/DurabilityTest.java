package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import java.time.Duration;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.TaskQuery;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;

/** Writes are acknowledged only once committed; a refused commit changes nothing; a restart finds the fleet. */
class DurabilityTest {
    private final InMemoryStore store = new InMemoryStore();
    private final Fleet fleet = new Fleet(CoordinatorSettings.DEFAULTS, store);
    private final Coordinator coordinator = fleet.coordinator;

    private Coordinator restart() {
        Coordinator next = new Coordinator(CoordinatorSettings.DEFAULTS, fleet.clock, fleet.strategies,
                EventSink.NONE, store);
        next.restore();
        return next;
    }

    @Test
    void everyAcknowledgedChangeIsInTheStore() {
        coordinator.register(node("a", 4, 4096).build());
        coordinator.submit(task("t", 1, 256).build());
        coordinator.updateStatus("a", NodeStatus.IDLE);
        assertThat(store.nodes.get("a").declaredStatus()).isEqualTo(NodeStatus.IDLE);
        assertThat(store.tasks.get("t").status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(store.tasks.get("t").nodeId()).isEqualTo("a");
        coordinator.complete("t");
        assertThat(store.tasks.get("t").status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(store.nodes.get("a").node().completedTasks()).isEqualTo(1);
    }

    @Test
    void refusedCommitsChangeNothingInMemoryAndWorkAgainWhenTheStoreReturns() {
        coordinator.register(node("a", 2, 2048).build());
        coordinator.submit(task("t1", 1, 256).build());
        coordinator.submit(task("queued", 64, 256).build());
        var nodeBefore = coordinator.findNode("a").orElseThrow();
        store.down = true;

        assertThatThrownBy(() -> coordinator.register(node("b", 64, 65536).build()))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("database unavailable");
        assertThatThrownBy(() -> coordinator.submit(task("t2", 1, 256).build()))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> coordinator.complete("t1")).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> coordinator.unregister("a")).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> coordinator.cancel("queued")).isInstanceOf(StoreUnavailableException.class);

        assertThat(coordinator.findNode("b")).isEmpty();
        // an id memory does not hold may be a finished task in the database: unknowable while it is down
        assertThatThrownBy(() -> coordinator.findTask("t2")).isInstanceOf(StoreUnavailableException.class);
        assertThat(coordinator.findTask("t1").orElseThrow().status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(coordinator.findTask("queued").orElseThrow().status()).isEqualTo(TaskStatus.PENDING);
        assertThat(coordinator.findNode("a").orElseThrow()).isEqualTo(nodeBefore);
        assertThat(coordinator.current().pendingTasks()).isEqualTo(1);
        assertThat(coordinator.indexInconsistencies()).isEmpty();

        store.down = false;
        assertThat(coordinator.findTask("t2")).isEmpty();
        coordinator.register(node("b", 64, 65536).build());
        assertThat(coordinator.findTask("queued").orElseThrow().nodeId()).isEqualTo("b");
        assertThat(store.tasks.get("queued").nodeId()).isEqualTo("b");
    }

    @Test
    void failoverIsNotLostWhenTheStoreRefusesIt() {
        coordinator.register(node("dies", 4, 4096).build());
        coordinator.register(node("lives", 4, 4096).build());
        coordinator.submit(task("t", 1, 256).strategy("round-robin").build());
        String first = coordinator.findTask("t").orElseThrow().nodeId();
        String other = first.equals("dies") ? "lives" : "dies";
        fleet.clock.advance(Duration.ofSeconds(60));
        coordinator.heartbeat(other, NodeMetrics.IDLE);
        fleet.clock.advance(Duration.ofSeconds(31));
        store.down = true;
        assertThatThrownBy(coordinator::checkLiveness).isInstanceOf(StoreUnavailableException.class);
        assertThat(coordinator.findTask("t").orElseThrow().nodeId()).isEqualTo(first);

        store.down = false;
        coordinator.checkLiveness();
        assertThat(coordinator.findNode(first).orElseThrow().status()).isEqualTo(NodeStatus.OFFLINE);
        assertThat(store.tasks.get("t").nodeId()).isEqualTo(other);
    }

    @Test
    void restartBringsBackNodesAndUnfinishedTasksWithTheirReservations() {
        coordinator.register(node("a", 4, 4096).labels(java.util.Map.of("rack", "r1")).build());
        coordinator.register(node("b", 4, 4096).status(NodeStatus.MAINTENANCE).build());
        coordinator.submit(task("running", 2, 1024).build());
        coordinator.start("running");
        coordinator.submit(task("pending", 64, 256).build());
        coordinator.submit(task("done", 1, 256).build());
        coordinator.complete("done");

        Coordinator after = restart();

        assertThat(after.list(NodeQuery.ALL).items()).extracting(n -> n.id()).containsExactly("a", "b");
        assertThat(after.findNode("a").orElseThrow().freeCpu()).isEqualTo(2);
        assertThat(after.findNode("a").orElseThrow().spec().labels()).containsEntry("rack", "r1");
        assertThat(after.findNode("b").orElseThrow().status()).isEqualTo(NodeStatus.MAINTENANCE);
        assertThat(after.findTask("running").orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(after.findTask("pending").orElseThrow().status()).isEqualTo(TaskStatus.PENDING);
        assertThat(after.list(TaskQuery.ALL).total()).as("the finished one is kept too").isEqualTo(3);
        assertThat(after.indexInconsistencies()).isEmpty();
        after.complete("running");
        assertThat(after.findNode("a").orElseThrow().freeCpu()).isEqualTo(4);
    }

    @Test
    void finishedTasksStayListedAndReadableAcrossARestartWithinTheRetention() {
        coordinator.register(node("a", 4, 4096).build());
        coordinator.submit(task("done", 1, 256).build());
        coordinator.complete("done");
        coordinator.submit(task("failed", 1, 256).build());
        coordinator.fail("failed", "exit code 3");
        coordinator.submit(task("open", 1, 256).build());

        var openPlacements = coordinator.assignments("open");
        assertThat(openPlacements).hasSize(1);

        Coordinator next = restart();
        assertThat(next.list(new TaskQuery(TaskStatus.COMPLETED, null, 0, 100)).items()).extracting(t -> t.id())
                .containsExactly("done");
        assertThat(next.assignments("open")).as("placement history across the restart").isEqualTo(openPlacements);
        assertThat(next.assignments("done")).extracting(a -> a.nodeId()).containsExactly("a");
        assertThat(next.findTask("failed").orElseThrow().message()).isEqualTo("exit code 3");
        assertThat(next.current().runningTasks() + next.current().assignedTasks()).isEqualTo(1);

        // the database keeps no more than the retention, and nothing older than the age limit
        fleet.clock.advance(Duration.ofDays(8));
        assertThat(next.pruneFinishedTasks()).isEqualTo(2);
        assertThat(store.tasks).containsOnlyKeys("open");
    }

    @Test
    void nodesSilentTooLongStartSuspectAndTasksOfVanishedNodesAreRerouted() {
        coordinator.register(node("old", 4, 4096).build());
        coordinator.register(node("gone", 4, 4096).build());
        coordinator.submit(task("t", 1, 256).strategy("round-robin").build());
        coordinator.submit(task("t2", 1, 256).strategy("round-robin").build());
        store.nodes.remove("gone");
        fleet.clock.advance(Duration.ofMinutes(10));

        Coordinator after = restart();

        assertThat(after.findNode("old").orElseThrow().status()).isEqualTo(NodeStatus.SUSPECT);
        var moved = after.findTask("t2").orElseThrow();
        assertThat(moved.retryCount()).isEqualTo(1);
        assertThat(moved.status()).isEqualTo(TaskStatus.PENDING);
        after.heartbeat("old", NodeMetrics.IDLE);
        assertThat(after.findNode("old").orElseThrow().status()).isEqualTo(NodeStatus.ACTIVE);
        assertThat(after.findTask("t2").orElseThrow().nodeId()).isEqualTo("old");

        fleet.clock.advance(Duration.ofSeconds(60));
        assertThat(after.checkLiveness()).as("a restored node gets a full timeout after the restart").isLessThanOrEqualTo(1);
        assertThat(after.findNode("old").orElseThrow().status()).isNotEqualTo(NodeStatus.OFFLINE);
    }

    @Test
    void registrationOrderSurvivesARestartSoRoundRobinKeepsItsRotation() {
        for (String id : java.util.List.of("c", "a", "b")) {
            coordinator.register(node(id, 4, 4096).build());
        }
        Coordinator after = restart();
        after.register(node("d", 4, 4096).build());
        assertThat(after.list(NodeQuery.ALL).items()).extracting(n -> n.id()).containsExactly("c", "a", "b", "d");
        assertThat(java.util.List.of("t1", "t2", "t3", "t4").stream()
                .map(id -> after.submit(task(id, 1, 256).strategy("round-robin").build()).nodeId()))
                .containsExactly("c", "a", "b", "d");
    }

    @Test
    void writesAreRefusedUntilTheStateIsLoaded() {
        store.down = true;
        Coordinator starting = new Coordinator(CoordinatorSettings.DEFAULTS, fleet.clock, fleet.strategies,
                EventSink.NONE, store);
        assertThatThrownBy(starting::restore).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> starting.register(node("a", 1, 512).build()))
                .hasMessageContaining("still loading");
        store.down = false;
        starting.restore();
        assertThat(starting.register(node("a", 1, 512).build()).id()).isEqualTo("a");
    }

    @Test
    void heartbeatsAreSavedInBatchesAndKeptWhenTheStoreIsDown() {
        coordinator.register(node("a", 1, 512).build());
        int commits = store.commits;
        fleet.clock.advance(Duration.ofSeconds(30));
        coordinator.heartbeat("a", new NodeMetrics(55, 10, 100, 0));
        assertThat(store.commits).as("a plain heartbeat is not a commit").isEqualTo(commits);
        store.down = true;
        assertThatThrownBy(coordinator::saveHeartbeats).isInstanceOf(StoreUnavailableException.class);
        store.down = false;
        assertThat(coordinator.saveHeartbeats()).isEqualTo(1);
        assertThat(store.nodes.get("a").node().metrics().cpuPercent()).isEqualTo(55);
        assertThat(coordinator.saveHeartbeats()).isZero();
    }
}
