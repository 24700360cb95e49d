package org.fogcompute.api.scheduling;

import org.fogcompute.api.Node;

/**
 * A scheduling strategy's answer to "where should this task go": a node, no preference (the routing strategy
 * chooses), or none acceptable with the reason (the task waits, parked under {@link #waitReason}).
 */
public record NodeChoice(Node node, String refusal, WaitReason waitReason) {
    /** No preference: the task's routing strategy, or the default one, chooses among the eligible nodes. */
    public static final NodeChoice ROUTING = new NodeChoice(null, null, null);

    public static NodeChoice of(Node node) {
        if (node == null) {
            throw new IllegalArgumentException("a chosen node is required; use ROUTING or none(...)");
        }
        return new NodeChoice(node, null, null);
    }

    /** No eligible node is acceptable to the strategy; the task waits until {@code reason} may be cured. */
    public static NodeChoice none(WaitReason reason, String refusal) {
        return new NodeChoice(null, refusal, reason);
    }

    public boolean leavesItToRouting() {
        return node == null && refusal == null;
    }
}
