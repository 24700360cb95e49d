package org.fogcompute.coordinator.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
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

    private static final int FIT_PROBES = 1024;

    private final FleetIndex index;
    /** Probes into the free-memory order by (memory, cpu), see {@link #fitProbe}. */
    private final java.util.Map<Long, NodeEntry> fitProbes = new java.util.HashMap<>();
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
                return eligibleWithFreeMemory(task.requirements().memoryMb()); // every eligible node has that much
            default:
                return filtered(banded(index.hostableInOrder, index.hostableInOrderBands, set -> set), null);
        }
    }

    @Override
    public Iterable<Node> eligibleInRotationAfter(Node last) {
        NodeEntry after = last == null ? null : index.get(last.id());
        if (after == null) {
            return eligible(NodeOrder.REGISTRATION); // never chosen, or gone: start from the first registered
        }
        Iterable<NodeEntry> rest = banded(index.hostableInOrder.tailSet(after, false), index.hostableInOrderBands,
                set -> set.tailSet(after, false));
        Iterable<NodeEntry> wrapped = banded(index.hostableInOrder.headSet(after, true), index.hostableInOrderBands,
                set -> set.headSet(after, true));
        return filtered(() -> new ConcatIterator(rest.iterator(), wrapped), null);
    }

    /**
     * The whole index when the task sets no reputation floor, else the index's reputation bands from the floor up, so
     * that the walk does not visit the nodes below it; {@code part} is the same part of each band as of the index.
     */
    private Iterable<NodeEntry> banded(Iterable<NodeEntry> whole, ReputationBands bands,
                                       java.util.function.Function<NavigableSet<NodeEntry>, Iterable<NodeEntry>> part) {
        double floor = task.requirements().minReputation();
        return floor > 0 ? bands.atOrAbove(floor, part) : whole;
    }

    /** One iterator, then another's, opened only when the first is done. */
    private static final class ConcatIterator implements Iterator<NodeEntry> {
        private Iterator<NodeEntry> current;
        private Iterable<NodeEntry> then;

        ConcatIterator(Iterator<NodeEntry> first, Iterable<NodeEntry> then) {
            this.current = first;
            this.then = then;
        }

        @Override
        public boolean hasNext() {
            if (!current.hasNext() && then != null) {
                current = then.iterator();
                then = null;
            }
            return current.hasNext();
        }

        @Override
        public NodeEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
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
        int cores = task.requirements().cpuCores();
        NodeEntry start = fitProbe(minimumFreeMemoryMb, cores);
        return filtered(banded(bestFit(index.byFreeMemory, start, cores), index.byFreeMemoryBands,
                set -> bestFit(set, start, cores)), null);
    }

    /**
     * Entries of a free-memory index from {@code start} on, skipping at each free-memory value the entries with fewer
     * than {@code cores} cpus free: they sort first within it and cannot host the task, and a fleet has many small
     * nodes, so one seek past them replaces a walk through them.
     */
    private Iterable<NodeEntry> bestFit(NavigableSet<NodeEntry> set, NodeEntry start, int cores) {
        return () -> new Lookahead<NodeEntry>() {
            private Iterator<NodeEntry> source = set.tailSet(start, true).iterator();

            @Override
            NodeEntry advance() {
                while (source.hasNext()) {
                    NodeEntry entry = source.next();
                    if (entry.indexed.freeCpu() >= cores) {
                        return entry;
                    }
                    source = set.tailSet(fitProbe(entry.indexed.freeMemoryMb(), cores), true).iterator();
                }
                return null;
            }
        };
    }

    @Override
    public int fleetSize() {
        return index.size();
    }

    @Override
    public Node nodeAt(int position) {
        return index.inOrder.get(position).snapshot();
    }

    @Override
    public long membership() {
        return index.membership;
    }

    @Override
    public Node node(String id) {
        NodeEntry entry = index.get(id);
        return entry == null ? null : entry.snapshot();
    }

    /**
     * A probe that sorts before every node with this much memory and these cpus free (or more cpus), in the
     * free-memory order; built once per size, so a decision allocates nothing to find where to start.
     */
    private NodeEntry fitProbe(long freeMemoryMb, int freeCpu) {
        long memory = Math.max(1, freeMemoryMb);
        int cores = Math.max(0, freeCpu);
        if (cores >= 4096) {
            return newFitProbe(memory, cores); // beyond any real node: not worth a key
        }
        long key = memory * 4096 + cores;
        NodeEntry probe = fitProbes.get(key);
        if (probe == null) {
            if (fitProbes.size() >= FIT_PROBES) {
                fitProbes.clear(); // tasks and nodes come in few sizes; this bounds a stream of odd ones
            }
            probe = newFitProbe(memory, cores);
            fitProbes.put(key, probe);
        }
        return probe;
    }

    private static NodeEntry newFitProbe(long memory, int cores) {
        NodeEntry probe = new NodeEntry(-1, PROBE_SPEC, Instant.EPOCH, 1);
        int capacity = Math.max(1, cores);
        probe.indexed = new Node(NodeSpec.builder("probe").capacity(new Capacity(capacity, memory, 0, 0)).build(),
                NodeStatus.ACTIVE, NodeMetrics.IDLE, capacity - cores, 0, 0, 0, 0, Instant.EPOCH, Instant.EPOCH);
        return probe;
    }

    private static Collection<NodeEntry> orEmpty(Collection<NodeEntry> entries) {
        return entries == null ? List.of() : entries;
    }

    private Iterable<Node> filtered(Iterable<NodeEntry> entries, String region) {
        return () -> new Lookahead<Node>() {
            private final Iterator<NodeEntry> source = entries.iterator();

            @Override
            Node advance() {
                while (source.hasNext()) {
                    Node node = source.next().snapshot();
                    if ((region == null || region.equals(node.region())) && isEligible(node)) {
                        return node;
                    }
                }
                return null;
            }
        };
    }

    /** An iterator that looks one element ahead: {@link #advance} finds the next element, or null past the last. */
    private abstract static class Lookahead<T> implements Iterator<T> {
        private T next;
        private boolean ahead;

        abstract T advance();

        @Override
        public boolean hasNext() {
            if (!ahead) {
                next = advance();
                ahead = true;
            }
            return next != null;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = false;
            return next;
        }
    }
}
