package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import java.util.List;
import java.util.Map;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.TopologySnapshot;
import org.fogcompute.api.ValidationException;
import org.junit.jupiter.api.Test;

/** Registry operations, lifecycle errors and topology. */
class RegistryTest {
    private final Fleet fleet = new Fleet(new CoordinatorSettings("c1", java.time.Duration.ofSeconds(30),
            java.time.Duration.ofSeconds(90), 8.0, 3, 3, 2));
    private final Coordinator coordinator = fleet.coordinator;

    @Test
    void duplicateRegistrationIsRejectedAndChangesNothing() {
        coordinator.register(node("n", 4, 4096).region("eu").build());
        assertThatThrownBy(() -> coordinator.register(node("n", 8, 8192).build()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'n' is already registered");
        assertThat(coordinator.findNode("n").orElseThrow().capacity().cpuCores()).isEqualTo(4);
    }

    @Test
    void batchRegistrationIsAllOrNothing() {
        coordinator.register(node("taken", 1, 512).build());
        assertThatThrownBy(() -> coordinator.registerAll(List.of(node("a", 1, 512).build(),
                node("taken", 1, 512).build()))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("no node of the batch was registered");
        assertThatThrownBy(() -> coordinator.registerAll(List.of(node("b", 1, 512).build(),
                node("b", 1, 512).build()))).hasMessageContaining("listed twice");
        assertThat(coordinator.size()).isEqualTo(1);

        assertThat(coordinator.registerAll(List.of(node("a", 1, 512).build(), node("b", 1, 512).build())))
                .hasSize(2);
        assertThat(coordinator.size()).isEqualTo(3);
    }

    @Test
    void listingFiltersByStatusTypeRegionAndLabelAndPages() {
        for (int i = 0; i < 10; i++) {
            coordinator.register(node("n" + i, 1, 512).type(i % 2 == 0 ? NodeType.GATEWAY : NodeType.EDGE_DEVICE)
                    .region(i < 5 ? "eu" : "us").labels(Map.of("rack", "r" + (i % 3)))
                    .status(i == 9 ? NodeStatus.MAINTENANCE : NodeStatus.ACTIVE).build());
        }
        assertThat(coordinator.list(new NodeQuery(null, NodeType.GATEWAY, "eu", null, null, 0, 100)).items())
                .extracting(n -> n.id()).containsExactly("n0", "n2", "n4");
        assertThat(coordinator.list(new NodeQuery(NodeStatus.MAINTENANCE, null, null, null, null, 0, 100)).total())
                .isEqualTo(1);
        assertThat(coordinator.list(new NodeQuery(null, null, null, "rack", "r1", 0, 100)).items())
                .extracting(n -> n.id()).containsExactly("n1", "n4", "n7");
        var page = coordinator.list(new NodeQuery(null, null, null, null, null, 4, 3));
        assertThat(page.items()).extracting(n -> n.id()).containsExactly("n4", "n5", "n6");
        assertThat(page.total()).isEqualTo(10);
    }

    @Test
    void unknownIdsAndIllegalStepsAreClearErrors() {
        coordinator.register(node("n", 1, 512).build());
        assertThatThrownBy(() -> coordinator.unregister("ghost")).isInstanceOf(NotFoundException.class)
                .hasMessage("unknown node 'ghost'");
        assertThatThrownBy(() -> coordinator.complete("nope")).isInstanceOf(NotFoundException.class)
                .hasMessage("unknown task 'nope'");
        assertThatThrownBy(() -> coordinator.updateStatus("n", NodeStatus.BUSY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("derived");
        coordinator.submit(task("t", 1, 256).build());
        coordinator.complete("t");
        assertThatThrownBy(() -> coordinator.cancel("t")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("it is COMPLETED");
        assertThatThrownBy(() -> coordinator.submit(task("x", 1, 256).strategy("nope").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unknown strategy 'nope'");
        assertThat(coordinator.findTask("x")).isEmpty();
    }

    @Test
    void aNodeGoesIntoMaintenanceItselfButOnlyAnOperatorTakesItOut() {
        coordinator.register(node("n", 1, 512).build());
        coordinator.updateStatus("n", NodeStatus.MAINTENANCE);
        assertThatThrownBy(() -> coordinator.declareOwnStatus("n", NodeStatus.ACTIVE))
                .isInstanceOf(ConflictException.class).hasMessageContaining("only an operator");
        assertThat(coordinator.findNode("n").orElseThrow().status()).isEqualTo(NodeStatus.MAINTENANCE);
        coordinator.updateStatus("n", NodeStatus.ACTIVE);
        assertThat(coordinator.declareOwnStatus("n", NodeStatus.IDLE).status()).isEqualTo(NodeStatus.IDLE);
        assertThat(coordinator.declareOwnStatus("n", NodeStatus.MAINTENANCE).status())
                .isEqualTo(NodeStatus.MAINTENANCE);
        assertThatThrownBy(() -> coordinator.declareOwnStatus("n", NodeStatus.IDLE))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void invalidValuesAreRejectedNamingTheField() {
        assertThatThrownBy(() -> node("bad id!", 1, 512).build()).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("id"));
        assertThatThrownBy(() -> node("n", 0, 512).build())
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("capacity.cpuCores"));
        assertThatThrownBy(() -> task("t", 1, 256).priority(11).build())
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("priority"));
        assertThatThrownBy(() -> node("n", 1, 512).status(NodeStatus.OFFLINE).build())
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("status"));
    }

    @Test
    void cancellingAPendingTaskRemovesItFromTheQueue() {
        coordinator.submit(task("waiting", 1, 256).build());
        coordinator.cancel("waiting");
        coordinator.register(node("n", 1, 512).build());
        assertThat(coordinator.findTask("waiting").orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(coordinator.findNode("n").orElseThrow().activeTasks()).isZero();
    }

    @Test
    void topologyCountsNodesCapacityAndTasksAndHistoryIsBounded() {
        coordinator.register(node("a", 4, 4096).type(NodeType.GATEWAY).build());
        coordinator.register(node("b", 2, 2048).status(NodeStatus.IDLE).build());
        coordinator.submit(task("t1", 1, 1024).build());
        coordinator.start("t1");
        coordinator.submit(task("t2", 64, 256).build());

        TopologySnapshot snapshot = coordinator.current();
        assertThat(snapshot.nodeCount()).isEqualTo(2);
        assertThat(snapshot.nodesByType()).containsEntry(NodeType.GATEWAY, 1).containsEntry(NodeType.COMPUTE_NODE, 1);
        assertThat(snapshot.totalCpu()).isEqualTo(6);
        assertThat(snapshot.freeCpu()).isEqualTo(5);
        assertThat(snapshot.freeMemoryMb()).isEqualTo(6144 - 1024);
        assertThat(snapshot.runningTasks()).isEqualTo(1);
        assertThat(snapshot.pendingTasks()).isEqualTo(1);

        for (int i = 0; i < 5; i++) {
            coordinator.recordSnapshot();
        }
        assertThat(coordinator.history()).hasSize(3);
    }

    @Test
    void finishedTasksBeyondTheRetentionAreForgottenOldestFirst() {
        coordinator.register(node("n", 8, 8192).build());
        for (String id : List.of("t1", "t2", "t3")) {
            coordinator.submit(task(id, 1, 256).build());
            coordinator.complete(id);
        }
        assertThat(coordinator.findTask("t1")).isEmpty();
        assertThat(coordinator.findTask("t3")).isPresent();
        assertThat(coordinator.health().taskCount()).isEqualTo(2);
    }
}
