package org.fogcompute.betanet.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.fogcompute.api.betanet.Consensus;
import org.fogcompute.api.betanet.Mixnode;
import org.fogcompute.api.privacy.NoPrivacyPathException;

/**
 * Draws mixnet routes from a consensus: each hop by weight among the mixnodes not yet drawn whose region no earlier
 * hop has, so that a route never passes twice through one region.
 */
final class RouteSelection {
    private RouteSelection() {
    }

    static List<Mixnode> route(Consensus consensus, int hops, RandomGenerator random) {
        List<Mixnode> mixnodes = consensus.mixnodes();
        Set<String> regions = new HashSet<>();
        mixnodes.forEach(m -> regions.add(m.region()));
        if (regions.size() < hops) {
            throw new NoPrivacyPathException("no mixnet route: consensus epoch " + consensus.epoch() + " lists "
                    + mixnodes.size() + " mixnode(s) in " + regions.size() + " region(s); " + hops + " hops need "
                    + hops + " regions");
        }
        List<Mixnode> route = new ArrayList<>(hops);
        Set<String> used = new HashSet<>();
        for (int hop = 0; hop < hops; hop++) {
            double total = 0;
            for (Mixnode m : mixnodes) {
                if (!used.contains(m.region())) {
                    total += m.weight();
                }
            }
            double point = random.nextDouble() * total;
            Mixnode chosen = null;
            for (Mixnode m : mixnodes) {
                if (!used.contains(m.region())) {
                    chosen = m;
                    point -= m.weight();
                    if (point < 0) {
                        break;
                    }
                }
            }
            route.add(chosen);
            used.add(chosen.region());
        }
        return route;
    }
}
