package org.fogcompute.betanet.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.fogcompute.api.betanet.Consensus;
import org.fogcompute.api.betanet.Mixnode;
import org.fogcompute.api.privacy.NoPrivacyPathException;

/**
 * Draws mixnet routes from a consensus: each hop by weight among the mixnodes whose region no earlier hop has, so that
 * a route never passes twice through one region. Drawn in two steps with the same odds — a region by its mixnodes'
 * total weight, then a mixnode of it by a binary search of its cumulative weights — over an index built once per
 * consensus, so that a route costs O(regions + log mixnodes) rather than a walk over every mixnode.
 */
final class RouteSelection {
    private final Consensus consensus;
    private final double[] regionTotals;
    private final Mixnode[][] byRegion;
    private final double[][] cumulative;

    private RouteSelection(Consensus consensus) {
        this.consensus = consensus;
        Map<String, List<Mixnode>> regions = new LinkedHashMap<>();
        consensus.mixnodes().forEach(m -> regions.computeIfAbsent(m.region(), r -> new ArrayList<>()).add(m));
        int count = regions.size();
        regionTotals = new double[count];
        byRegion = new Mixnode[count][];
        cumulative = new double[count][];
        int r = 0;
        for (List<Mixnode> members : regions.values()) {
            byRegion[r] = members.toArray(new Mixnode[0]);
            cumulative[r] = new double[members.size()];
            double sum = 0;
            for (int i = 0; i < members.size(); i++) {
                sum += members.get(i).weight();
                cumulative[r][i] = sum;
            }
            regionTotals[r] = sum;
            r++;
        }
    }

    /** The index of a consensus, to draw many routes from. */
    static RouteSelection of(Consensus consensus) {
        return new RouteSelection(consensus);
    }

    Consensus consensus() {
        return consensus;
    }

    static List<Mixnode> route(Consensus consensus, int hops, RandomGenerator random) {
        return of(consensus).route(hops, random);
    }

    List<Mixnode> route(int hops, RandomGenerator random) {
        if (regionTotals.length < hops) {
            throw new NoPrivacyPathException("no mixnet route: consensus epoch " + consensus.epoch() + " lists "
                    + consensus.mixnodes().size() + " mixnode(s) in " + regionTotals.length + " region(s); " + hops
                    + " hops need " + hops + " regions");
        }
        boolean[] used = new boolean[regionTotals.length];
        List<Mixnode> route = new ArrayList<>(hops);
        for (int hop = 0; hop < hops; hop++) {
            double total = 0;
            for (int r = 0; r < regionTotals.length; r++) {
                if (!used[r]) {
                    total += regionTotals[r];
                }
            }
            double point = random.nextDouble() * total;
            int region = -1;
            for (int r = 0; r < regionTotals.length; r++) {
                if (!used[r]) {
                    region = r;
                    point -= regionTotals[r];
                    if (point < 0) {
                        break;
                    }
                }
            }
            used[region] = true;
            double within = random.nextDouble() * regionTotals[region];
            int at = Arrays.binarySearch(cumulative[region], within);
            int index = Math.min(at >= 0 ? at + 1 : -at - 1, byRegion[region].length - 1);
            route.add(byRegion[region][index]);
        }
        return route;
    }
}
