package org.fogcompute.api.deployments;

/**
 * One replica: its slot in the deployment (stable while it is replaced), the task that runs it now, where, and how.
 *
 * @param health     the node's health as the load balancer's breaker sees it (HEALTHY, DEGRADED, UNHEALTHY,
 *                   CIRCUIT_OPEN), or UNKNOWN before it takes requests
 * @param restarts   how often this slot's replica was replaced because it ended or its node failed
 * @param endpoint   host:port of its first port (the node's address), null while it has no node
 * @param generation the deployment generation it was made for (an update raises it)
 * @param message    why it waits, when it does
 */
public record Replica(int slot, String taskId, String nodeId, ReplicaState state, String health, int restarts,
                      String endpoint, long generation, String message) {
}
