package org.fogcompute.coordinator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One order of the hostable nodes, split into ten bands of reputation (0–0.1, …, 0.9–1). A walk with a reputation
 * floor merges only the bands at or above the floor's, so it never visits the many nodes below it: with a floor of
 * 0.7 and 30 % of the fleet above it, a walk visits about a third of the nodes a filtering walk would. Only the
 * floor's own band holds nodes below the floor, and the caller's eligibility check drops them. Entries are filed by
 * the reputation of their {@link NodeEntry#indexed} snapshot; guarded by the coordinator's lock.
 */
final class ReputationBands {
    static final int BANDS = 10;

    private final List<NavigableSet<NodeEntry>> bands = new ArrayList<>(BANDS);
    private final Comparator<NodeEntry> order;

    ReputationBands(Comparator<NodeEntry> order) {
        this.order = order;
        for (int i = 0; i < BANDS; i++) {
            bands.add(new TreeSet<>(order));
        }
    }

    /** The band of a reputation; monotonic, so a node at or above a floor is in the floor's band or above it. */
    static int band(double reputation) {
        return Math.max(0, Math.min(BANDS - 1, (int) (reputation * BANDS)));
    }

    void add(NodeEntry entry) {
        bands.get(band(entry.indexed.spec().reputation())).add(entry);
    }

    /** Removes an entry; call before {@link NodeEntry#indexed} changes, which says which band holds it. */
    void remove(NodeEntry entry) {
        bands.get(band(entry.indexed.spec().reputation())).remove(entry);
    }

    int size() {
        return bands.stream().mapToInt(NavigableSet::size).sum();
    }

    /**
     * The entries of every band from the floor's up, in this index's order: {@code part} chooses the part of each band
     * to walk (a tail set, say), and the parts are merged lazily.
     */
    Iterable<NodeEntry> atOrAbove(double floor, Function<NavigableSet<NodeEntry>, Iterable<NodeEntry>> part) {
        List<Iterable<NodeEntry>> parts = new ArrayList<>(BANDS);
        for (int i = band(floor); i < BANDS; i++) {
            if (!bands.get(i).isEmpty()) {
                parts.add(part.apply(bands.get(i)));
            }
        }
        return parts.size() == 1 ? parts.get(0) : () -> new Merge(parts);
    }

    /** A k-way merge of sorted iterators; k is at most ten, so the smallest head is found by a scan. */
    private final class Merge implements Iterator<NodeEntry> {
        private final List<Iterator<NodeEntry>> sources = new ArrayList<>(BANDS);
        private final List<NodeEntry> heads = new ArrayList<>(BANDS);
        private int live;

        Merge(List<Iterable<NodeEntry>> parts) {
            for (Iterable<NodeEntry> part : parts) {
                Iterator<NodeEntry> source = part.iterator();
                sources.add(source);
                heads.add(source.hasNext() ? source.next() : null);
                live += heads.get(heads.size() - 1) != null ? 1 : 0;
            }
        }

        @Override
        public boolean hasNext() {
            return live > 0;
        }

        @Override
        public NodeEntry next() {
            int smallest = -1;
            for (int i = 0; i < heads.size(); i++) {
                NodeEntry head = heads.get(i);
                if (head != null && (smallest < 0 || order.compare(head, heads.get(smallest)) < 0)) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                throw new NoSuchElementException();
            }
            NodeEntry chosen = heads.get(smallest);
            Iterator<NodeEntry> source = sources.get(smallest);
            if (source.hasNext()) {
                heads.set(smallest, source.next());
            } else {
                heads.set(smallest, null);
                live--;
            }
            return chosen;
        }
    }
}
