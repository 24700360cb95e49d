package org.fogcompute.coordinator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.fogcompute.api.Node;
import org.fogcompute.api.routing.NodeOrder;

/**
 * The registered nodes, by id, in registration order, and sorted by each {@link NodeOrder}, globally and per region
 * for load. Sorted sets file an entry under its {@link NodeEntry#indexed} snapshot, so an entry must be re-filed
 * through {@link #reindex} after any change to the values an order uses (reservations, reported load, allocation,
 * reputation, status). The sorted sets hold only nodes that could host some task now (accepting work, a core and a
 * megabyte free): a full, drained or offline node is never walked past by a strategy looking for the best one.
 * Guarded by the coordinator's lock.
 */
final class FleetIndex {
    private static final Comparator<NodeEntry> BY_LOAD = ordered(NodeOrder.LEAST_LOADED);
    private static final Comparator<NodeEntry> BY_REPUTATION = ordered(NodeOrder.MOST_REPUTABLE);
    private static final Comparator<NodeEntry> BY_FREE_MEMORY = ordered(NodeOrder.LEAST_FREE_MEMORY);
    private static final Comparator<Node> LOAD_KEYS = NodeOrder.LEAST_LOADED.comparator();
    private static final Comparator<Node> REPUTATION_KEYS = NodeOrder.MOST_REPUTABLE.comparator();
    private static final Comparator<Node> FREE_MEMORY_KEYS = NodeOrder.LEAST_FREE_MEMORY.comparator();
    private static final Comparator<NodeEntry> BY_REGISTRATION = Comparator.comparingLong(entry -> entry.sequence);

    final Map<String, NodeEntry> byId = new HashMap<>();
    final List<NodeEntry> inOrder = new ArrayList<>();
    final NavigableSet<NodeEntry> byLoad = new TreeSet<>(BY_LOAD);
    final NavigableSet<NodeEntry> byReputation = new TreeSet<>(BY_REPUTATION);
    final NavigableSet<NodeEntry> byFreeMemory = new TreeSet<>(BY_FREE_MEMORY);
    /** The hostable nodes in registration order, for rotation; {@link #inOrder} also holds those that are not. */
    final NavigableSet<NodeEntry> hostableInOrder = new TreeSet<>(BY_REGISTRATION);
    /** The orders walked past most nodes under a reputation floor (rotation, best fit), banded by reputation. */
    final ReputationBands hostableInOrderBands = new ReputationBands(BY_REGISTRATION);
    final ReputationBands byFreeMemoryBands = new ReputationBands(BY_FREE_MEMORY);
    final Map<String, List<NodeEntry>> regionInOrder = new HashMap<>();
    final Map<String, NavigableSet<NodeEntry>> regionByLoad = new HashMap<>();

    private static Comparator<NodeEntry> ordered(NodeOrder order) {
        Comparator<Node> nodes = order.comparator();
        return (a, b) -> {
            int c = nodes.compare(a.indexed, b.indexed);
            return c != 0 ? c : Long.compare(a.sequence, b.sequence);
        };
    }

    NodeEntry get(String id) {
        return byId.get(id);
    }

    int size() {
        return inOrder.size();
    }

    /** Raised by every join and leave: {@link org.fogcompute.api.routing.Candidates#membership()}. */
    long membership;

    void add(NodeEntry entry) {
        membership++;
        byId.put(entry.spec.id(), entry);
        inOrder.add(entry);
        regionInOrder.computeIfAbsent(entry.spec.region(), r -> new ArrayList<>()).add(entry);
        file(entry);
    }

    void remove(NodeEntry entry) {
        membership++;
        byId.remove(entry.spec.id());
        inOrder.remove(entry);
        List<NodeEntry> region = regionInOrder.get(entry.spec.region());
        region.remove(entry);
        if (region.isEmpty()) {
            regionInOrder.remove(entry.spec.region());
        }
        unfile(entry);
        regionByLoad.computeIfPresent(entry.spec.region(), (r, set) -> set.isEmpty() ? null : set);
    }

    /** Re-files an entry whose snapshot changed; cheap when nothing an order uses has changed. */
    void reindex(NodeEntry entry) {
        Node now = entry.snapshot();
        Node filed = entry.indexed;
        if (filed == now || byId.get(entry.spec.id()) != entry) {
            return; // unchanged, or no longer registered (its tasks are being re-routed)
        }
        if (sameKeys(filed, now)) {
            entry.indexed = now; // sorts exactly where the old snapshot did
            return;
        }
        if (!hostable(filed) || !hostable(now) || ReputationBands.band(filed.spec().reputation())
                != ReputationBands.band(now.spec().reputation())) {
            unfile(entry); // joins or leaves the sorted indexes, or changes band
            file(entry);
            return;
        }
        // still hostable in the same band: the registration-order sets keep it where it is, and each sorted order is
        // re-filed only when its own keys moved (a reservation moves load and free memory, not reputation)
        boolean load = LOAD_KEYS.compare(filed, now) != 0;
        boolean reputation = REPUTATION_KEYS.compare(filed, now) != 0;
        boolean memory = FREE_MEMORY_KEYS.compare(filed, now) != 0;
        NavigableSet<NodeEntry> region = regionByLoad.get(entry.spec.region());
        if (load) {
            byLoad.remove(entry);
            region.remove(entry);
        }
        if (reputation) {
            byReputation.remove(entry);
        }
        if (memory) {
            byFreeMemory.remove(entry);
            byFreeMemoryBands.remove(entry);
        }
        entry.indexed = now;
        if (load) {
            byLoad.add(entry);
            region.add(entry);
        }
        if (reputation) {
            byReputation.add(entry);
        }
        if (memory) {
            byFreeMemory.add(entry);
            byFreeMemoryBands.add(entry);
        }
    }

    /** Whether a node could host some task now: every task needs a core and some memory. */
    static boolean hostable(Node node) {
        return node.acceptsWork() && node.freeCpu() >= 1 && node.freeMemoryMb() >= 1;
    }

    /** Whether two snapshots of one node sort alike in every order (registration never changes). */
    private static boolean sameKeys(Node a, Node b) {
        return hostable(a) == hostable(b) && a.spec().reputation() == b.spec().reputation() && a.allocation().equals(b.allocation())
                && a.reservedCpu() == b.reservedCpu() && a.reservedMemoryMb() == b.reservedMemoryMb()
                && a.metrics().cpuPercent() == b.metrics().cpuPercent()
                && a.metrics().circuitCount() == b.metrics().circuitCount();
    }

    private void file(NodeEntry entry) {
        entry.indexed = entry.snapshot();
        if (!hostable(entry.indexed)) {
            return; // sorted out of every order until it can host again
        }
        byLoad.add(entry);
        byReputation.add(entry);
        byFreeMemory.add(entry);
        hostableInOrder.add(entry);
        hostableInOrderBands.add(entry);
        byFreeMemoryBands.add(entry);
        regionByLoad.computeIfAbsent(entry.spec.region(), r -> new TreeSet<>(BY_LOAD)).add(entry);
    }

    private void unfile(NodeEntry entry) {
        byLoad.remove(entry);
        byReputation.remove(entry);
        byFreeMemory.remove(entry);
        hostableInOrder.remove(entry);
        hostableInOrderBands.remove(entry);
        byFreeMemoryBands.remove(entry);
        NavigableSet<NodeEntry> region = regionByLoad.get(entry.spec.region());
        if (region != null) {
            region.remove(entry);
        }
    }

    /** Every way the indexes disagree with the registered nodes; empty when consistent. For tests. */
    List<String> inconsistencies() {
        List<String> problems = new ArrayList<>();
        long hostable = byId.values().stream().filter(e -> hostable(e.snapshot())).count();
        for (ReputationBands bands : List.of(hostableInOrderBands, byFreeMemoryBands)) {
            if (bands.size() != hostable) {
                problems.add("reputation bands hold " + bands.size() + " entries for " + hostable + " hostable nodes");
            }
        }
        for (NavigableSet<NodeEntry> set : List.of(byLoad, byReputation, byFreeMemory, hostableInOrder)) {
            if (set.size() != hostable) {
                problems.add("sorted index holds " + set.size() + " entries for " + hostable + " hostable nodes");
            }
            for (NodeEntry entry : set) {
                if (byId.get(entry.spec.id()) != entry) {
                    problems.add("unregistered node " + entry.spec.id() + " still indexed");
                }
            }
        }
        for (NodeEntry entry : inOrder) {
            if (!sameKeys(entry.indexed, entry.snapshot())) {
                problems.add("node " + entry.spec.id() + " filed under stale values");
            }
        }
        int regional = regionByLoad.values().stream().mapToInt(NavigableSet::size).sum();
        if (regional != hostable) {
            problems.add("regional indexes hold " + regional + " entries for " + hostable + " hostable nodes");
        }
        return problems;
    }
}
