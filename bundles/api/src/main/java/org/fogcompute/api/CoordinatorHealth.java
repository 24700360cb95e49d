package org.fogcompute.api;

import java.time.Duration;
import java.time.Instant;

/** Liveness summary of the coordinator. */
public record CoordinatorHealth(String coordinatorId, boolean running, int nodeCount, int taskCount,
                                Instant startedAt, Duration uptime) {
}
