package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.fogcompute.api.Placement;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.scheduling.WaitReason;
import org.junit.jupiter.api.Test;

/** A task's placement (regions, labels, nodes to avoid) as hard constraints of routing, for every strategy. */
class PlacementTest {
    private final Fleet fleet = new Fleet();
    private final Coordinator coordinator = fleet.coordinator;

    @Test
    void everyStrategyKeepsATaskInsideItsPlacement() {
        coordinator.register(node("east-1", 8, 8192).region("us-east").build());
        coordinator.register(node("west-edge", 64, 65536).region("eu-west").labels(Map.of("tier", "edge")).build());
        coordinator.register(node("west-core", 8, 8192).region("eu-west").labels(Map.of("tier", "core")).build());
        Placement westEdge = new Placement(Set.of("eu-west"), Map.of("tier", "edge"), null);
        for (String strategy : new String[] {"least-loaded", "round-robin", "affinity", "proximity"}) {
            for (int i = 0; i < 3; i++) {
                Task task = coordinator.submit(task(strategy + "-" + i, 1, 128).strategy(strategy)
                        .placement(westEdge).build());
                assertThat(task.nodeId()).as(strategy).isEqualTo("west-edge");
            }
        }
    }

    @Test
    void replicasAvoidingEachOthersNodesLandOnDistinctNodesAndTheLastOneWaitsSayingWhy() {
        for (String id : new String[] {"a", "b", "c"}) {
            coordinator.register(node(id, 8, 8192).region("eu-west").build());
        }
        Placement spread = new Placement(Set.of("eu-west"), null, null);
        Set<String> used = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Task replica = coordinator.submit(task("replica-" + i, 1, 128).placement(spread).build());
            assertThat(used.add(replica.nodeId())).as("distinct nodes: " + used).isTrue();
            spread = spread.avoiding(replica.nodeId());
        }
        Task fourth = coordinator.submit(task("replica-3", 1, 128).placement(spread).build());
        assertThat(fourth.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(fourth.message()).contains("placement regions [eu-west], avoiding 3 nodes")
                .contains("0 of them within the placement");
        assertThat(coordinator.stats().parked()).containsOnlyKeys(WaitReason.NO_NODE_IN_PLACEMENT);

        // a node that meets the placement joins: the waiting replica is placed on it
        coordinator.register(node("d", 8, 8192).region("eu-west").build());
        coordinator.tickQueue();
        assertThat(coordinator.findTask("replica-3").orElseThrow().nodeId()).isEqualTo("d");
    }

    @Test
    void aTaskMovedOffAFailedNodeStaysInsideItsPlacement() {
        coordinator.register(node("inside-1", 2, 2048).region("ap-south").build());
        coordinator.register(node("inside-2", 2, 2048).region("ap-south").build());
        coordinator.register(node("outside", 64, 65536).region("us-east").build());
        Task task = coordinator.submit(task("pinned", 1, 128).placement(new Placement(Set.of("ap-south"), null,
                null)).build());
        assertThat(task.nodeId()).startsWith("inside-");
        // the task's node falls silent; the others keep heartbeating until it is declared offline (90 s)
        String survivor = task.nodeId().equals("inside-1") ? "inside-2" : "inside-1";
        fleet.clock.advance(java.time.Duration.ofSeconds(89));
        coordinator.heartbeat(survivor, org.fogcompute.api.NodeMetrics.IDLE);
        coordinator.heartbeat("outside", org.fogcompute.api.NodeMetrics.IDLE);
        fleet.clock.advance(java.time.Duration.ofSeconds(1));
        coordinator.checkLiveness();
        Task moved = coordinator.findTask("pinned").orElseThrow();
        assertThat(moved.nodeId()).as("re-routed inside its placement, not to the larger node outside")
                .isEqualTo(survivor);
    }

    @Test
    void badPlacementsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new Placement(Set.of(" "), null, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("placement.regions");
        assertThatThrownBy(() -> new Placement(null, null, Set.of("bad id!"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("placement.avoidNodes");
        Set<String> many = new HashSet<>();
        for (int i = 0; i <= Placement.MAX_AVOIDED; i++) {
            many.add("n" + i);
        }
        assertThatThrownBy(() -> new Placement(null, null, many)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 1000");
        assertThat(task("t", 1, 1).placement(new Placement(null, null, null)).build().placement())
                .as("an empty placement is none").isNull();
    }
}
