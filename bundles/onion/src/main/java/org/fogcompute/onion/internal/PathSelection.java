package org.fogcompute.onion.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.HopRole;
import org.fogcompute.api.privacy.NoPrivacyPathException;

/**
 * Chooses a circuit's hops over a {@link Relays} snapshot, Tor-like: the client's first usable guard (or a new one,
 * weighted), then an exit, then the middles, each weighted by bandwidth × reputation, never two hops in one region or
 * of one operator, never a relay below the floor or one the caller says is not usable now. Sampling by weight with
 * rejection is tried a few times per hop; when the constraints reject too much, the acceptable relays are enumerated.
 * A guard or exit that leaves no way to finish the circuit is set aside and another tried (a few times each), so a
 * path is found where one exists in all but contrived fleets, and one that does not gets a reason naming the
 * constraint.
 */
final class PathSelection {
    private static final int SAMPLES_PER_HOP = 24;
    /** Guards, and exits per guard, tried before a circuit is given up. */
    private static final int ATTEMPTS = 8;

    /** The hops chosen, and the guard when it is new to the client (to be added to its guard set). */
    record Path(List<CircuitHop> hops, String newGuard) {
    }

    private final Relays relays;
    private final double floor;
    private final Predicate<String> usable;
    private final SplittableRandom random;
    private final Set<String> regions = new HashSet<>();
    private final Set<String> operators = new HashSet<>();
    private final Set<Integer> chosen = new HashSet<>();

    PathSelection(Relays relays, double floor, Predicate<String> usable, SplittableRandom random) {
        this.relays = relays;
        this.floor = floor;
        this.usable = usable;
        this.random = random;
    }

    /**
     * @param hops   2 or more: a guard, {@code hops - 2} middles, an exit
     * @param guards the client's guard set, in the order they were chosen
     * @param avoid  nodes that must not be hops (the task's own node, say)
     */
    Path select(int hops, List<String> guards, Set<String> avoid) {
        if (hops < 2) {
            throw new IllegalArgumentException("a circuit has at least a guard and an exit, not " + hops + " hops");
        }
        if (relays.size() < hops) {
            throw new NoPrivacyPathException("no privacy path: " + hops + " hops needed, " + relays.size()
                    + " onion-capable node(s) can relay now");
        }
        // the client's guards first, in order; then new ones by weight. A guard (or an exit) that leaves no way to
        // complete the circuit is set aside and the choice made again, so a path that exists is found
        Set<Integer> refusedGuards = new HashSet<>();
        NoPrivacyPathException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            reset();
            String newGuard = null;
            int guard = -1;
            for (String id : guards) {
                int position = relays.position(id);
                if (position >= 0 && relays.guard[position] && !refusedGuards.contains(position)
                        && acceptable(position, avoid)) {
                    guard = position;
                    break;
                }
            }
            if (guard < 0) {
                guard = pick(relays.guardSums, p -> relays.guard[p] && !refusedGuards.contains(p), avoid);
                if (guard < 0) {
                    throw last != null ? last : new NoPrivacyPathException("no privacy path: no usable guard ("
                            + relays.guards + " relay(s) meet the guard's uptime and reputation; the floor is "
                            + floor + ")");
                }
                newGuard = relays.ids[guard];
            }
            take(guard);
            try {
                return new Path(complete(guard, hops, avoid), newGuard);
            } catch (NoPrivacyPathException e) {
                last = e;
                refusedGuards.add(guard);
            }
        }
        throw last;
    }

    /** The rest of a circuit after its guard: an exit, then the middles; tries other exits when middles run out. */
    private List<CircuitHop> complete(int guard, int hops, Set<String> avoid) {
        Set<Integer> refusedExits = new HashSet<>();
        NoPrivacyPathException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int exit = pick(relays.exitSums, p -> relays.exit[p] && !refusedExits.contains(p), avoid);
            if (exit < 0) {
                throw last != null ? last : new NoPrivacyPathException("no privacy path: no usable exit in another "
                        + "region and of another operator than the guard's (" + relays.exits + " exit relay(s); "
                        + "label onion.exit=true or type GATEWAY)");
            }
            take(exit);
            List<Integer> middles = new ArrayList<>(hops - 2);
            for (int i = 0; i < hops - 2; i++) {
                int middle = pick(relays.middleSums, p -> true, avoid);
                if (middle < 0) {
                    break;
                }
                take(middle);
                middles.add(middle);
            }
            if (middles.size() == hops - 2) {
                List<CircuitHop> path = new ArrayList<>(hops);
                path.add(hop(guard, HopRole.GUARD));
                for (int middle : middles) {
                    path.add(hop(middle, HopRole.MIDDLE));
                }
                path.add(hop(exit, HopRole.EXIT));
                return List.copyOf(path);
            }
            last = new NoPrivacyPathException("no privacy path: " + hops + " hops need " + hops + " regions and "
                    + "operators, no two alike; only " + (middles.size() + 2) + " could be found among relays with "
                    + "reputation at least " + floor);
            middles.forEach(this::untake);
            untake(exit);
            refusedExits.add(exit);
        }
        throw last;
    }

    private CircuitHop hop(int position, HopRole role) {
        return new CircuitHop(relays.ids[position], role, relays.regions[position], relays.operators[position]);
    }

    private void take(int position) {
        chosen.add(position);
        regions.add(relays.regions[position]);
        operators.add(relays.operators[position]);
    }

    private void untake(int position) {
        chosen.remove(position);
        regions.remove(relays.regions[position]);
        operators.remove(relays.operators[position]);
    }

    private void reset() {
        chosen.clear();
        regions.clear();
        operators.clear();
    }

    private boolean acceptable(int position, Set<String> avoid) {
        return !chosen.contains(position) && relays.reputation[position] >= floor
                && !regions.contains(relays.regions[position]) && !operators.contains(relays.operators[position])
                && !avoid.contains(relays.ids[position]) && usable.test(relays.ids[position]);
    }

    /** A weighted pick among the positions the role allows and the constraints accept; -1 when there is none. */
    private int pick(double[] sums, java.util.function.IntPredicate role, Set<String> avoid) {
        if (sums.length == 0) {
            return -1;
        }
        double total = sums[sums.length - 1];
        if (total <= 0) {
            return -1;
        }
        for (int attempt = 0; attempt < SAMPLES_PER_HOP; attempt++) {
            int position = Relays.search(sums, random.nextDouble() * total);
            if (role.test(position) && acceptable(position, avoid)) {
                return position;
            }
        }
        // the constraints reject most of the weight: enumerate what they accept, then pick by weight among it
        double acceptableTotal = 0;
        List<Integer> candidates = new ArrayList<>();
        for (int position = 0; position < sums.length; position++) {
            if (role.test(position) && acceptable(position, avoid)) {
                candidates.add(position);
                acceptableTotal += relays.weight[position];
            }
        }
        if (candidates.isEmpty()) {
            return -1;
        }
        double point = random.nextDouble() * acceptableTotal;
        for (int position : candidates) {
            point -= relays.weight[position];
            if (point < 0) {
                return position;
            }
        }
        return candidates.get(candidates.size() - 1);
    }
}
