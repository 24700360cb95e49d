package org.fogcompute.api.balancing;

import java.time.Instant;

/** A recommendation of the scaling advisor, with the averages that led to it. */
public record ScalingEvent(Instant at, Direction direction, double averageCpuPercent, double averageMemoryPercent,
                           int nodes, String reason) {
    public enum Direction { SCALE_UP, SCALE_DOWN }
}
