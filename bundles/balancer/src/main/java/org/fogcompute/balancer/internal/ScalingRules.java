package org.fogcompute.balancer.internal;

import java.util.Optional;
import org.fogcompute.api.balancing.ScalingEvent.Direction;

/**
 * Scale up when the average cpu is above {@code cpuHigh} or memory above {@code memoryHigh}; scale down when cpu is
 * below {@code cpuLow} and memory below {@code memoryLow} and more than {@code minNodes} nodes remain. Thresholds are
 * strict: at exactly 80 % cpu nothing happens.
 */
record ScalingRules(double cpuHigh, double memoryHigh, double cpuLow, double memoryLow, int minNodes) {
    static final ScalingRules DEFAULT = new ScalingRules(80, 85, 30, 50, 2);

    Optional<Direction> evaluate(double averageCpu, double averageMemory, int nodes) {
        if (nodes == 0) {
            return Optional.empty();
        }
        if (averageCpu > cpuHigh || averageMemory > memoryHigh) {
            return Optional.of(Direction.SCALE_UP);
        }
        if (averageCpu < cpuLow && averageMemory < memoryLow && nodes > minNodes) {
            return Optional.of(Direction.SCALE_DOWN);
        }
        return Optional.empty();
    }

    String reason(Direction direction, double averageCpu, double averageMemory, int nodes) {
        if (direction == Direction.SCALE_UP) {
            return averageCpu > cpuHigh ? String.format("average cpu %.1f %% > %.0f %%", averageCpu, cpuHigh)
                    : String.format("average memory %.1f %% > %.0f %%", averageMemory, memoryHigh);
        }
        return String.format("average cpu %.1f %% < %.0f %% and memory %.1f %% < %.0f %% with %d nodes", averageCpu,
                cpuLow, averageMemory, memoryLow, nodes);
    }
}
