package org.fogcompute.api;

import java.time.Instant;
import java.util.Map;

/** The fleet at one instant: counts by status and type, total and free capacity, task counts. */
public record TopologySnapshot(Instant takenAt, int nodeCount, Map<NodeStatus, Integer> nodesByStatus,
                               Map<NodeType, Integer> nodesByType, long totalCpu, long freeCpu, long totalMemoryMb,
                               long freeMemoryMb, int runningTasks, int assignedTasks, int pendingTasks) {

    public TopologySnapshot {
        nodesByStatus = Map.copyOf(nodesByStatus);
        nodesByType = Map.copyOf(nodesByType);
    }
}
