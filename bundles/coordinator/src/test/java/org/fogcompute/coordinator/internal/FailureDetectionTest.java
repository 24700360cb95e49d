package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import java.time.Duration;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskStatus;
import org.junit.jupiter.api.Test;

/** SUSPECT before OFFLINE, failover of an OFFLINE node's tasks, the retry cap, and return of a node. */
class FailureDetectionTest {
    private final Fleet fleet = new Fleet();
    private final Coordinator coordinator = fleet.coordinator;

    private void heartbeatEvery30sFor(String nodeId, int beats) {
        for (int i = 0; i < beats; i++) {
            fleet.clock.advance(Duration.ofSeconds(30));
            coordinator.heartbeat(nodeId, NodeMetrics.IDLE);
        }
    }

    private NodeStatus statusOf(String nodeId) {
        return coordinator.findNode(nodeId).orElseThrow().status();
    }

    @Test
    void silentNodeBecomesSuspectBeforeOfflineAndStaysActiveWhileOnTime() {
        coordinator.register(node("n", 4, 4096).build());
        heartbeatEvery30sFor("n", 10);

        fleet.clock.advance(Duration.ofSeconds(31));
        coordinator.checkLiveness();
        assertThat(statusOf("n")).isEqualTo(NodeStatus.ACTIVE);

        fleet.clock.advance(Duration.ofSeconds(29));
        coordinator.checkLiveness();
        assertThat(statusOf("n")).isEqualTo(NodeStatus.SUSPECT);

        fleet.clock.advance(Duration.ofSeconds(30));
        coordinator.checkLiveness();
        assertThat(statusOf("n")).isEqualTo(NodeStatus.OFFLINE);
    }

    @Test
    void suspectNodeKeepsItsTasksButTakesNoNewOnes() {
        coordinator.register(node("n", 4, 4096).build());
        heartbeatEvery30sFor("n", 5);
        coordinator.submit(task("kept", 1, 256).build());
        fleet.clock.advance(Duration.ofSeconds(70));
        coordinator.checkLiveness();

        assertThat(statusOf("n")).isEqualTo(NodeStatus.SUSPECT);
        assertThat(coordinator.findTask("kept").orElseThrow().nodeId()).isEqualTo("n");
        assertThat(coordinator.submit(task("new", 1, 256).build()).status()).isEqualTo(TaskStatus.PENDING);
    }

    @Test
    void offlineNodesTasksAreReroutedAndTheNodeIsActiveAgainWhenItReturns() {
        coordinator.register(node("dies", 4, 4096).build());
        coordinator.submit(task("t", 1, 256).build());
        coordinator.start("t");
        coordinator.register(node("survivor", 4, 4096).build());
        coordinator.heartbeat("survivor", NodeMetrics.IDLE);

        fleet.clock.advance(Duration.ofSeconds(89));
        coordinator.heartbeat("survivor", NodeMetrics.IDLE);
        fleet.clock.advance(Duration.ofSeconds(1));
        coordinator.checkLiveness();

        assertThat(statusOf("dies")).isEqualTo(NodeStatus.OFFLINE);
        Task moved = coordinator.findTask("t").orElseThrow();
        assertThat(moved.nodeId()).isEqualTo("survivor");
        assertThat(moved.status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(moved.retryCount()).isEqualTo(1);
        assertThat(coordinator.findNode("dies").orElseThrow().freeCpu()).isEqualTo(4);
        assertThat(coordinator.assignments("t")).extracting(a -> a.nodeId()).containsExactly("dies", "survivor");

        coordinator.heartbeat("dies", NodeMetrics.IDLE);
        assertThat(statusOf("dies")).isEqualTo(NodeStatus.ACTIVE);
    }

    @Test
    void taskFailsWithReasonAfterThreeReroutes() {
        for (int i = 0; i < 4; i++) {
            coordinator.register(node("n" + i, 1, 1024).build());
        }
        coordinator.submit(task("t", 1, 256).strategy("round-robin").build());
        for (int lost = 0; lost < 4; lost++) {
            String holder = coordinator.findTask("t").orElseThrow().nodeId();
            coordinator.unregister(holder);
        }
        Task failed = coordinator.findTask("t").orElseThrow();
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.retryCount()).isEqualTo(4);
        assertThat(failed.message()).contains("was unregistered").contains("gave up after 3 re-routes");
    }

    @Test
    void unregisteringANodeWithNoOtherCapacityQueuesItsTasks() {
        coordinator.register(node("only", 2, 2048).build());
        coordinator.submit(task("t", 1, 256).build());
        coordinator.unregister("only");
        Task queued = coordinator.findTask("t").orElseThrow();
        assertThat(queued.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(queued.retryCount()).isEqualTo(1);
        assertThat(coordinator.findNode("only")).isEmpty();
    }

    @Test
    void phiGrowsWithSilenceAndShrinksWithRegularHeartbeats() {
        PhiAccrualDetector detector = new PhiAccrualDetector(1000);
        for (int i = 0; i < 50; i++) {
            detector.recordInterval(1000);
        }
        assertThat(detector.phi(500)).isLessThan(1);
        assertThat(detector.phi(1000)).isLessThan(1);
        assertThat(detector.phi(2000)).isGreaterThan(8);
        assertThat(detector.phi(3000)).isGreaterThan(detector.phi(2000));
    }
}
