package org.fogcompute.coordinator.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.TopologySnapshot;

/** Builds topology snapshots from the coordinator's state. */
final class Topology {
    private Topology() {
    }

    static TopologySnapshot snapshot(Instant now, List<NodeEntry> nodes, int[] tasksByStatus) {
        Map<NodeStatus, Integer> byStatus = new EnumMap<>(NodeStatus.class);
        Map<NodeType, Integer> byType = new EnumMap<>(NodeType.class);
        long totalCpu = 0;
        long freeCpu = 0;
        long totalMemory = 0;
        long freeMemory = 0;
        for (NodeEntry entry : nodes) {
            Node node = entry.snapshot();
            byStatus.merge(node.status(), 1, Integer::sum);
            byType.merge(node.type(), 1, Integer::sum);
            totalCpu += node.capacity().cpuCores();
            totalMemory += node.capacity().memoryMb();
            if (node.status() != NodeStatus.OFFLINE) {
                freeCpu += Math.max(0, node.freeCpu());
                freeMemory += Math.max(0, node.freeMemoryMb());
            }
        }
        return new TopologySnapshot(now, nodes.size(), byStatus, byType, totalCpu, freeCpu, totalMemory, freeMemory,
                tasksByStatus[TaskStatus.RUNNING.ordinal()], tasksByStatus[TaskStatus.ASSIGNED.ordinal()],
                tasksByStatus[TaskStatus.PENDING.ordinal()]);
    }
}
