package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import java.time.Duration;
import java.time.Instant;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.edge.Allocation;
import org.fogcompute.api.edge.DeviceClass;
import org.fogcompute.api.edge.DeviceTelemetry;
import org.fogcompute.api.edge.HarvestPolicy;
import org.fogcompute.api.scheduling.WaitReason;
import org.fogcompute.edge.internal.PowerAndHeatCaps;
import org.junit.jupiter.api.Test;

/** Placement within what a device may give now (L1 caps) and the drain of a device that leaves harvest (L2). */
class DeviceAllocationTest {
    private final Fleet fleet = new Fleet();
    private final Coordinator coordinator = fleet.coordinator;

    private static NodeMetrics battery(int percent, boolean charging) {
        return new NodeMetrics(0, 0, 100, 0, new DeviceTelemetry(percent, charging, 30.0, false, false, 23));
    }

    @Test
    void aDeviceOnALowBatteryIsGivenWorkOnlyUpToItsCapAndItsRunningTasksAreNotKilled() {
        coordinator.deviceProfiles(new PowerAndHeatCaps(PowerAndHeatCaps.Rules.DEFAULTS));
        coordinator.register(node("phone", 8, 4096).type(NodeType.EDGE_DEVICE).build());
        for (int i = 0; i < 3; i++) {
            assertThat(coordinator.submit(task("t" + i, 1, 64).build()).nodeId()).isEqualTo("phone");
        }
        // 9 %, not charging: 20 % of 8 cores = 1, below the 3 it runs
        coordinator.heartbeat("phone", battery(9, false));
        assertThat(coordinator.findNode("phone").orElseThrow().allocation().reason()).contains("battery 9%");
        assertThat(coordinator.findNode("phone").orElseThrow().deviceClass()).isEqualTo(DeviceClass.PHONE);
        assertThat(coordinator.findTask("t0").orElseThrow().status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(coordinator.submit(task("more", 1, 64).build()).status()).isEqualTo(TaskStatus.PENDING);
        assertThat(coordinator.stats().parked()).containsOnlyKeys(WaitReason.NO_CAPACITY);

        // plugged in: the cap is gone and the waiting task placed at once
        coordinator.heartbeat("phone", battery(9, true));
        assertThat(coordinator.findNode("phone").orElseThrow().allocation().reason()).isNull();
        assertThat(coordinator.findTask("more").orElseThrow().nodeId()).isEqualTo("phone");
        assertThat(coordinator.indexInconsistencies()).isEmpty();
    }

    @Test
    void aDeviceThatLeavesHarvestTakesNoMoreWorkAndGivesItsTasksBackAfterTheGrace() {
        coordinator.harvestPolicy(new UnpluggedIsIneligible(Duration.ofMinutes(5)));
        coordinator.register(node("phone", 4, 4096).build());
        coordinator.register(node("server", 4, 4096).build());
        coordinator.heartbeat("phone", battery(80, true));
        coordinator.heartbeat("server", new NodeMetrics(90, 10, 100, 0)); // busier: the phone is chosen first
        assertThat(coordinator.submit(task("job", 1, 64).build()).nodeId()).isEqualTo("phone");

        fleet.clock.advance(Duration.ofSeconds(10));
        coordinator.heartbeat("phone", battery(80, false)); // unplugged
        assertThat(coordinator.findNode("phone").orElseThrow().allocation().drain()).isTrue();
        assertThat(coordinator.submit(task("next", 1, 64).build()).nodeId()).isEqualTo("server");
        minutesOfHeartbeats(4);
        assertThat(coordinator.findTask("job").orElseThrow().nodeId()).isEqualTo("phone"); // within the grace

        minutesOfHeartbeats(1);
        var job = coordinator.findTask("job").orElseThrow();
        assertThat(job.nodeId()).isEqualTo("server");
        assertThat(job.retryCount()).isEqualTo(1);
        assertThat(coordinator.findNode("phone").orElseThrow().activeTasks()).isZero();
    }

    /** Both nodes stay alive, the phone unplugged, while the clock moves on. */
    private void minutesOfHeartbeats(int minutes) {
        for (int i = 0; i < minutes * 4; i++) {
            fleet.clock.advance(Duration.ofSeconds(15));
            coordinator.heartbeat("phone", battery(80, false));
            coordinator.heartbeat("server", new NodeMetrics(90, 10, 100, 0));
            coordinator.checkLiveness();
        }
    }

    /** A harvest policy that says only whether the device is plugged in. */
    private record UnpluggedIsIneligible(Duration drainGrace) implements HarvestPolicy {
        @Override
        public Allocation observe(NodeSpec node, DeviceTelemetry telemetry, Instant now) {
            return Boolean.FALSE.equals(telemetry.charging()) ? Allocation.drained("harvest: not charging")
                    : Allocation.full(node.capacity().cpuCores(), node.capacity().memoryMb());
        }

        @Override
        public void forget(String nodeId) {
        }

        @Override
        public java.util.List<Device> devices() {
            return java.util.List.of();
        }
    }
}
