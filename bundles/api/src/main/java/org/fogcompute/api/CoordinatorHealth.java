package org.fogcompute.api;

import java.time.Duration;
import java.time.Instant;

/**
 * Liveness summary of the coordinator: {@code ready} once its fleet is loaded from the database (fleet reads and writes
 * answer 503 before), whether the database answered the last probe or commit, and what became of its transactions.
 */
public record CoordinatorHealth(String coordinatorId, boolean running, boolean ready, boolean databaseReachable,
                                int nodeCount, int taskCount, Instant startedAt, Duration uptime,
                                CommitStatistics commits) {
}
