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

    /** How many nodes are registered, eligible or not; with {@link #nodeAt} it lets a strategy rotate. */
    int fleetSize();

    /** The node at a registration position in 0..fleetSize()-1, eligible or not. */
    Node nodeAt(int position);

    /** Candidates over a plain list of nodes: for tests and tools; sorts on every call. */
    static Candidates of(TaskSpec task, List<Node> nodes) {
        return new ListCandidates(task, nodes);
    }
}
