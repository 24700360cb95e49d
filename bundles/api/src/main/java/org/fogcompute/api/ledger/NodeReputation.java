package org.fogcompute.api.ledger;

import java.time.Instant;

/**
 * A node's reputation from its outcomes: points from 0 to {@link #MAX}, starting at {@link #START}, with the counts
 * behind them. {@link #score()} is the normalised figure routing uses.
 */
public record NodeReputation(String nodeId, double points, long successes, long failures, long lost,
                             Instant updatedAt) {
    public static final double START = 100;
    public static final double MAX = 200;

    /** A node with no outcome yet. */
    public static NodeReputation fresh(String nodeId, Instant at) {
        return new NodeReputation(nodeId, START, 0, 0, 0, at);
    }

    /** 0 (worst) .. 1 (best); 0.5 for a node with no history. */
    public double score() {
        return points / MAX;
    }
}
