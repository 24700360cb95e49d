package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import java.util.List;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskStatus;
import org.junit.jupiter.api.Test;

/** The placement behaviours of SPEC §4 through the real coordinator and the built-in strategies. */
class CoordinatorRoutingTest {
    private final Fleet fleet = new Fleet();
    private final Coordinator coordinator = fleet.coordinator;

    @Test
    void roundRobinGivesEachOfThreeNodesOneOfThreeTasksInOrder() {
        for (String id : List.of("a", "b", "c")) {
            coordinator.register(node(id, 8, 8192).build());
        }
        List<String> placed = List.of("t1", "t2", "t3").stream()
                .map(id -> coordinator.submit(task(id, 1, 256).strategy("round-robin").build()).nodeId())
                .toList();
        assertThat(placed).containsExactly("a", "b", "c");
    }

    @Test
    void leastLoadedPicksTheIdleNodeOfFive() {
        int[] cpu = {60, 20, 0, 80, 40};
        for (int i = 0; i < cpu.length; i++) {
            coordinator.register(node("n" + cpu[i], 4, 4096).build());
            coordinator.heartbeat("n" + cpu[i], new NodeMetrics(cpu[i], 10, 100, 0));
        }
        assertThat(coordinator.submit(task("t", 1, 256).build()).nodeId()).isEqualTo("n0");
    }

    @Test
    void taskTooBigForEveryNodeStaysPendingWithReasonAndIsPlacedWhenCapacityAppears() {
        coordinator.register(node("small", 1, 512).build());
        Task pending = coordinator.submit(task("big", 4, 8192).build());
        assertThat(pending.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(pending.message()).contains("no eligible node").contains("4 cpu / 8192 MB");
        assertThat(coordinator.current().pendingTasks()).isEqualTo(1);

        coordinator.register(node("large", 8, 16384).build());

        Task placed = coordinator.findTask("big").orElseThrow();
        assertThat(placed.status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(placed.nodeId()).isEqualTo("large");
        assertThat(placed.message()).isNull();
    }

    @Test
    void gpuTaskGoesToTheGpuNode() {
        coordinator.register(node("cpu-only", 16, 16384).build());
        coordinator.register(node("gpu", 4, 8192).gpus(1).build());
        assertThat(coordinator.submit(task("t", 1, 256).gpu(true).build()).nodeId()).isEqualTo("gpu");
    }

    @Test
    void onionCircuitAndConfidentialTasksGoToOnionCapableNodes() {
        coordinator.register(node("plain", 16, 16384).build());
        coordinator.register(node("onion", 2, 2048).onionCapable(true).build());
        coordinator.attach(new org.fogcompute.api.privacy.TaskPaths() { // a privacy policy that asks for nothing more
            @Override
            public org.fogcompute.api.privacy.Circuit planFor(org.fogcompute.api.TaskSpec task, String client,
                                                              String destination,
                                                              java.util.function.Predicate<String> canRelay) {
                return null;
            }

            @Override
            public void released(String taskId) {
            }
        });
        assertThat(coordinator.submit(task("circuit", 1, 256).requireOnionCircuit(true).build()).nodeId())
                .isEqualTo("onion");
        assertThat(coordinator.submit(task("secret", 1, 256).privacy(PrivacyLevel.CONFIDENTIAL).build()).nodeId())
                .isEqualTo("onion");
    }

    @Test
    void affinityKeepsTheGpuNodeFreeWhenAnotherNodeFits() {
        coordinator.register(node("gpu-tight", 1, 256).gpus(1).build());
        coordinator.register(node("cpu-loose", 16, 16384).build());
        assertThat(coordinator.submit(task("t", 1, 256).strategy("affinity").build()).nodeId())
                .isEqualTo("cpu-loose");
    }

    @Test
    void affinityPacksIntoTheTightestFittingNode() {
        coordinator.register(node("roomy", 16, 16384).build());
        coordinator.register(node("snug", 2, 512).build());
        assertThat(coordinator.submit(task("t", 2, 512).strategy("affinity").build()).nodeId()).isEqualTo("snug");
    }

    @Test
    void proximityPrefersTheRegionThenTheNearestNode() {
        coordinator.register(node("tokyo", 4, 4096).region("ap-northeast").location(35.7, 139.7).build());
        coordinator.register(node("dublin", 4, 4096).region("eu-west").location(53.3, -6.3).build());
        coordinator.register(node("frankfurt", 4, 4096).region("eu-central").location(50.1, 8.7).build());
        coordinator.register(node("london", 4, 4096).region("eu-west").location(51.5, -0.1).build());

        assertThat(coordinator.submit(task("by-region", 1, 256).strategy("proximity")
                .preferredRegion("ap-northeast").preferredLocation(51.0, 0.0).build()).nodeId()).isEqualTo("tokyo");
        assertThat(coordinator.submit(task("nearest-in-region", 1, 256).strategy("proximity")
                .preferredRegion("eu-west").preferredLocation(51.4, 0.0).build()).nodeId()).isEqualTo("london");
        assertThat(coordinator.submit(task("nearest", 1, 256).strategy("proximity")
                .preferredLocation(49.0, 8.0).build()).nodeId()).isEqualTo("frankfurt");
    }

    @Test
    void privacyAwarePicksTheMostReputableOnionNode() {
        coordinator.register(node("plain", 16, 16384).build());
        coordinator.register(node("onion-low", 4, 4096).onionCapable(true).reputation(0.4).build());
        coordinator.register(node("onion-high", 4, 4096).onionCapable(true).reputation(0.9).build());
        assertThat(coordinator.submit(task("t", 1, 256).strategy("privacy-aware").build()).nodeId())
                .isEqualTo("onion-high");
    }

    @Test
    void nodeThatFillsUpShowsBusyAndTakesNoMoreTasksUntilOneCompletes() {
        coordinator.register(node("only", 2, 1024).build());
        coordinator.submit(task("t1", 1, 256).build());
        Task second = coordinator.submit(task("t2", 1, 256).build());
        assertThat(second.nodeId()).isEqualTo("only");
        assertThat(coordinator.findNode("only").orElseThrow().status()).isEqualTo(org.fogcompute.api.NodeStatus.BUSY);

        Task third = coordinator.submit(task("t3", 1, 256).build());
        assertThat(third.status()).isEqualTo(TaskStatus.PENDING);

        coordinator.complete("t1");

        Node node = coordinator.findNode("only").orElseThrow();
        assertThat(coordinator.findTask("t3").orElseThrow().nodeId()).isEqualTo("only");
        assertThat(node.status()).isEqualTo(org.fogcompute.api.NodeStatus.BUSY);
        assertThat(node.completedTasks()).isEqualTo(1);
    }

    @Test
    void capacityIsReservedWhileATaskRunsAndReleasedWhenItEnds() {
        coordinator.register(node("n", 8, 8192).build());
        coordinator.submit(task("t", 3, 2048).build());
        coordinator.start("t");
        Node busy = coordinator.findNode("n").orElseThrow();
        assertThat(busy.freeCpu()).isEqualTo(5);
        assertThat(busy.freeMemoryMb()).isEqualTo(6144);

        coordinator.fail("t", "out of disk");

        Node free = coordinator.findNode("n").orElseThrow();
        assertThat(free.freeCpu()).isEqualTo(8);
        assertThat(free.freeMemoryMb()).isEqualTo(8192);
        assertThat(free.failedTasks()).isEqualTo(1);
        assertThat(coordinator.findTask("t").orElseThrow().message()).isEqualTo("out of disk");
    }

    @Test
    void queuedTasksArePlacedByPriorityAndABigOneDoesNotBlockSmallerOnes() {
        coordinator.register(node("n", 1, 2048).build());
        coordinator.submit(task("filler", 1, 256).build());
        coordinator.submit(task("huge", 16, 256).priority(1).build());
        coordinator.submit(task("low", 1, 256).priority(9).build());
        coordinator.submit(task("high", 1, 256).priority(2).build());

        coordinator.complete("filler");

        assertThat(coordinator.findTask("huge").orElseThrow().status()).isEqualTo(TaskStatus.PENDING);
        assertThat(coordinator.findTask("high").orElseThrow().status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(coordinator.findTask("low").orElseThrow().status()).isEqualTo(TaskStatus.PENDING);
    }

    @Test
    void maintenanceAndIdleStatusesAreKeptAndMaintenanceTakesNoWork() {
        coordinator.register(node("idle", 4, 4096).status(org.fogcompute.api.NodeStatus.IDLE).build());
        coordinator.register(node("maint", 16, 16384).status(org.fogcompute.api.NodeStatus.MAINTENANCE).build());
        assertThat(coordinator.findNode("idle").orElseThrow().status()).isEqualTo(org.fogcompute.api.NodeStatus.IDLE);
        assertThat(coordinator.submit(task("t", 1, 256).build()).nodeId()).isEqualTo("idle");
    }
}
