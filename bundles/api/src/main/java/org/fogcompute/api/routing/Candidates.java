package org.fogcompute.api.routing;

import java.util.List;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The fleet as one routing decision sees it. Every view yields only nodes that satisfy all hard constraints of
 * {@link #task()} (status, free cpu and memory, storage, GPU, onion routing) and filters lazily, so a strategy that
 * stops at the first acceptable node in an indexed order pays for a few nodes, not for the whole fleet.
 *
 * <p>Valid only during the {@link RoutingStrategy#select} call it was passed to.
 */
@ProviderType
public interface Candidates {

    TaskSpec task();

    /** Whether the node satisfies every hard constraint of the task. */
    boolean isEligible(Node node);

    /** Eligible nodes in the given order. */
    Iterable<Node> eligible(NodeOrder order);

    /** Eligible nodes of one region in the given order. */
    Iterable<Node> eligibleInRegion(String region, NodeOrder order);

    /** Eligible nodes with at least this much free memory, in {@link NodeOrder#LEAST_FREE_MEMORY} order. */
    Iterable<Node> eligibleWithFreeMemory(long minimumFreeMemoryMb);

    /**
     * Eligible nodes in registration order, beginning with the first registered after {@code last} and wrapping around
     * once: a rotation. From the first registered when {@code last} is null or no longer registered. The coordinator
     * walks only nodes that could host the task's reputation floor, so a rotation stays a few steps long however
     * much of the fleet the task's constraints rule out.
     */
    default Iterable<Node> eligibleInRotationAfter(Node last) {
        int size = fleetSize();
        int start = 0;
        for (int position = 0; last != null && position < size; position++) {
            if (nodeAt(position).id().equals(last.id())) {
                start = position + 1;
                break;
            }
        }
        java.util.List<Node> rotation = new java.util.ArrayList<>();
        for (int step = 0; step < size; step++) {
            Node node = nodeAt((start + step) % size);
            if (isEligible(node)) {
                rotation.add(node);
            }
        }
        return rotation;
    }

    /** How many nodes are registered, eligible or not; with {@link #nodeAt} it lets a strategy rotate. */
    int fleetSize();

    /** The node at a registration position in 0..fleetSize()-1, eligible or not. */
    Node nodeAt(int position);

    /**
     * The registered node with this id, eligible or not, or null when none is. Lets a strategy that keeps its own
     * structure over node ids (a hash ring) find its nodes again; this default walks the fleet, the coordinator's
     * view looks the id up.
     */
    default Node node(String id) {
        for (int position = 0; position < fleetSize(); position++) {
            Node node = nodeAt(position);
            if (node.id().equals(id)) {
                return node;
            }
        }
        return null;
    }

    /**
     * A number that changes whenever a node joins or leaves the fleet (not when one's load or status changes), so that
     * a strategy keeping its own structure over node ids knows when to rebuild it; -1 when this view cannot tell.
     */
    default long membership() {
        return -1;
    }

    /** Candidates over a plain list of nodes: for tests and tools; sorts on every call. */
    static Candidates of(TaskSpec task, List<Node> nodes) {
        return new ListCandidates(task, nodes);
    }
}
