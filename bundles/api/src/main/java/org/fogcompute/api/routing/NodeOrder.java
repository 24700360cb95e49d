package org.fogcompute.api.routing;

import java.util.Comparator;
import org.fogcompute.api.Node;

/** Orders in which the coordinator keeps nodes indexed, so that strategies find their best node in a few steps. */
public enum NodeOrder {
    /** The order in which nodes registered. */
    REGISTRATION(Comparator.comparing(Node::registeredAt)),
    /**
     * Lowest {@link Node#loadPercent()} first, then lowest reserved fraction, then highest reputation: among equally
     * loaded nodes (idle ones, typically) the one with the better record gets the task.
     */
    LEAST_LOADED(Comparator.comparingDouble(Node::loadPercent).thenComparingDouble(Node::reservedFraction)
            .thenComparingDouble(n -> -n.spec().reputation())),
    /** Highest reputation first, then fewest circuits. */
    MOST_REPUTABLE(Comparator.<Node>comparingDouble(n -> -n.spec().reputation())
            .thenComparingInt(n -> n.metrics().circuitCount())),
    /** Least free memory first, then least free cpu: the tightest fit comes first. */
    LEAST_FREE_MEMORY(Comparator.comparingLong(Node::freeMemoryMb).thenComparingInt(Node::freeCpu));

    private final Comparator<Node> comparator;

    NodeOrder(Comparator<Node> comparator) {
        this.comparator = comparator;
    }

    /** The order as a comparator over node snapshots (ties in it are broken by registration). */
    public Comparator<Node> comparator() {
        return comparator;
    }
}
