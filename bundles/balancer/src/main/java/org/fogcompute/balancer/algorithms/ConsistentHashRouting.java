package org.fogcompute.balancer.algorithms;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.NodeOrder;
import org.fogcompute.api.routing.RoutingStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Sticky placement for task routing: the tasks of one job (or, without a job, a task by its id) go to the same node
 * while it can take them. Like the balancer's {@link ConsistentHashAlgorithm}, a ring of points per node: the key's
 * node is the first eligible one clockwise from the key's hash, so a node that joins or leaves moves only the keys
 * next to its points. A decision is a binary search and a few steps, not a walk over the fleet.
 *
 * <p>The ring follows the fleet's membership ({@link Candidates#membership()}): it is rebuilt when a node has joined
 * or left, at most every {@link #REBUILD_INTERVAL_NANOS} during a join storm. Until then a departed node is skipped
 * and a newcomer gets no keys, except that a decision which finds no eligible node on a stale ring takes the first
 * eligible newcomer (a task that fits nowhere else does not wait for the next rebuild).
 */
@Component(service = RoutingStrategy.class,
        property = RoutingStrategy.NAME_PROPERTY + "=" + ConsistentHashRouting.NAME)
public final class ConsistentHashRouting implements RoutingStrategy {
    public static final String NAME = "consistent-hash";
    /** Points per node: enough that no node's share of the keys is far above the mean (see the test). */
    static final int POINTS_PER_NODE = 32;
    static final long REBUILD_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** The low bits of a ring entry hold its owner's index; the high bits the point's hash. */
    private static final int OWNER_BITS = 24;
    private static final long OWNER_MASK = (1L << OWNER_BITS) - 1;
    /** Steps before the walk remembers which owners it has checked (a node's points may come round again). */
    private static final int UNREMEMBERED_STEPS = 32;

    private volatile Ring ring = Ring.EMPTY;
    private final Object rebuilding = new Object();

    @Override
    public Node select(TaskSpec task, Candidates candidates) {
        long key = mix(ConsistentHashAlgorithm.hash(task.jobId() != null ? task.jobId() : String.valueOf(task.id())));
        Ring current = ring(candidates);
        Node chosen = current.firstEligibleFrom(key, candidates);
        if (chosen == null && !current.isCurrent(candidates)) {
            for (Node node : candidates.eligible(NodeOrder.REGISTRATION)) {
                if (!current.members.contains(node.id())) {
                    return node; // joined since the ring was built
                }
            }
        }
        return chosen;
    }

    private Ring ring(Candidates candidates) {
        Ring current = ring;
        if (current.isCurrent(candidates) || System.nanoTime() - current.builtAt < REBUILD_INTERVAL_NANOS) {
            return current;
        }
        synchronized (rebuilding) {
            current = ring;
            if (!current.isCurrent(candidates)) {
                current = Ring.of(candidates);
                ring = current;
            }
            return current;
        }
    }

    /** A 64-bit finaliser, so that neighbouring inputs land far apart on the ring. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static final class Ring {
        static final Ring EMPTY = new Ring(new String[0], new long[0], 0, null, -2, Long.MIN_VALUE / 2);

        final String[] owners;
        final Set<String> members;
        /** Sorted: each entry a point's hash (high bits) and the index of its owner (low bits). */
        final long[] points;
        final int fleetSize;
        final String lastRegistered;
        /** The fleet's {@link Candidates#membership()} when built; -1 when the view cannot tell. */
        final long membership;
        final long builtAt;

        private Ring(String[] owners, long[] points, int fleetSize, String lastRegistered, long membership,
                     long builtAt) {
            this.owners = owners;
            this.members = new HashSet<>(Arrays.asList(owners));
            this.points = points;
            this.fleetSize = fleetSize;
            this.lastRegistered = lastRegistered;
            this.membership = membership;
            this.builtAt = builtAt;
        }

        static Ring of(Candidates candidates) {
            long membership = candidates.membership();
            int size = Math.min(candidates.fleetSize(), (int) OWNER_MASK);
            String[] owners = new String[size];
            long[] points = new long[size * POINTS_PER_NODE];
            for (int owner = 0; owner < size; owner++) {
                owners[owner] = candidates.nodeAt(owner).id();
                long base = ConsistentHashAlgorithm.hash(owners[owner]);
                for (int point = 0; point < POINTS_PER_NODE; point++) {
                    long hash = mix(base + point * 0x9E3779B97F4A7C15L);
                    points[owner * POINTS_PER_NODE + point] = (hash & ~OWNER_MASK) | owner;
                }
            }
            Arrays.sort(points);
            return new Ring(owners, points, size, size == 0 ? null : owners[size - 1], membership, System.nanoTime());
        }

        /** Whether no node has joined or left since this ring was built. */
        boolean isCurrent(Candidates candidates) {
            long now = candidates.membership();
            if (now >= 0 || membership >= 0) {
                return now == membership;
            }
            // a view that cannot tell: joins append to the registration order, leaves shrink it
            int size = candidates.fleetSize();
            return size == fleetSize && (size == 0 || candidates.nodeAt(size - 1).id().equals(lastRegistered));
        }

        Node firstEligibleFrom(long key, Candidates candidates) {
            int entries = points.length;
            if (entries == 0) {
                return null;
            }
            int start = Arrays.binarySearch(points, key & ~OWNER_MASK);
            start = start >= 0 ? start : -start - 1;
            BitSet checked = null;
            for (int step = 0; step < entries; step++) {
                int owner = (int) (points[(start + step) % entries] & OWNER_MASK);
                if (checked != null) {
                    if (checked.get(owner)) {
                        continue;
                    }
                    checked.set(owner);
                } else if (step >= UNREMEMBERED_STEPS) {
                    checked = new BitSet(owners.length);
                }
                Node node = candidates.node(owners[owner]);
                if (node != null && candidates.isEligible(node)) {
                    return node;
                }
            }
            return null;
        }
    }
}
