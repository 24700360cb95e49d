package org.fogcompute.coordinator.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.NodeOrder;

/** {@link Candidates} over the coordinator's indexes for one decision; views filter lazily by eligibility. */
final class FleetView implements Candidates {
    private static final NodeSpec PROBE_SPEC = NodeSpec.builder("probe").build();

    private final FleetIndex index;
    private TaskSpec task;
    /** Whether a node may be given work at all now (its circuit is not open); everything by default. */
    private volatile Predicate<String> admission = nodeId -> true;

    FleetView(FleetIndex index) {
        this.index = index;
    }

    void admission(Predicate<String> admits) {
        this.admission = admits;
    }

    FleetView forTask(TaskSpec newTask) {
        this.task = newTask;
        return this;
    }

    @Override
    public TaskSpec task() {
        return task;
    }

    @Override
    public boolean isEligible(Node node) {
        return node.canHost(task) && admission.test(node.id());
    }

    @Override
    public Iterable<Node> eligible(NodeOrder order) {
        switch (order) {
            case LEAST_LOADED:
                return filtered(index.byLoad, null);
            case MOST_REPUTABLE:
                return filtered(index.byReputation, null);
            case LEAST_FREE_MEMORY:
                return filtered(index.byFreeMemory, null);
            default:
                return filtered(index.inOrder, null);
        }
    }

    @Override
    public Iterable<Node> eligibleInRegion(String region, NodeOrder order) {
        switch (order) {
            case LEAST_LOADED:
                return filtered(orEmpty(index.regionByLoad.get(region)), null);
            case REGISTRATION:
                return filtered(orEmpty(index.regionInOrder.get(region)), null);
            default:
                return filtered(order == NodeOrder.MOST_REPUTABLE ? index.byReputation : index.byFreeMemory, region);
        }
    }

    @Override
    public Iterable<Node> eligibleWithFreeMemory(long minimumFreeMemoryMb) {
        if (minimumFreeMemoryMb <= 1) {
            return filtered(index.byFreeMemory, null);
        }
        NodeEntry probe = new NodeEntry(-1, PROBE_SPEC, Instant.EPOCH, 1);
        // free memory exactly the minimum, free cpu 0: sorts before every node with that much memory free
        probe.indexed = new Node(NodeSpec.builder("probe").capacity(new Capacity(1, minimumFreeMemoryMb, 0, 0))
                .build(), NodeStatus.ACTIVE, NodeMetrics.IDLE, 1, 0, 0, 0, 0, Instant.EPOCH, Instant.EPOCH);
        return filtered(index.byFreeMemory.tailSet(probe, true), null);
    }

    @Override
    public int fleetSize() {
        return index.size();
    }

    @Override
    public Node nodeAt(int position) {
        return index.inOrder.get(position).snapshot();
    }

    private static Collection<NodeEntry> orEmpty(Collection<NodeEntry> entries) {
        return entries == null ? List.of() : entries;
    }

    private Iterable<Node> filtered(Collection<NodeEntry> entries, String region) {
        return () -> new Iterator<>() {
            private final Iterator<NodeEntry> source = entries.iterator();
            private Node next = advance();

            private Node advance() {
                while (source.hasNext()) {
                    Node node = source.next().snapshot();
                    if ((region == null || region.equals(node.region())) && isEligible(node)) {
                        return node;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Node next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Node current = next;
                next = advance();
                return current;
            }
        };
    }
}
