package org.fogcompute.api;

import java.time.Instant;

/** A placement decision: which node a task went to, by which strategy, on which attempt. */
public record TaskAssignment(String taskId, String nodeId, String strategy, int attempt, Instant assignedAt) {
}
