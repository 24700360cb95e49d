package org.fogcompute.onion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fogcompute.onion.internal.Fleets.relay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.fogcompute.api.Node;
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.HopRole;
import org.fogcompute.api.privacy.NoPrivacyPathException;
import org.junit.jupiter.api.Test;

/** Path selection's constraints hold over random fleets, and its weights are respected. */
class PathSelectionTest {
    private static final Relays.GuardRule GUARDS = new Relays.GuardRule(95, 0.6);

    @Test
    void everyPathOverRandomFleetsKeepsEveryConstraintOrSaysWhichItCannot() {
        int planned = 0;
        int refused = 0;
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<Node> fleet = Fleets.random(20 + random.nextInt(200), 2 + random.nextInt(12),
                    2 + random.nextInt(30), seed);
            Relays relays = Relays.of(fleet, GUARDS);
            Map<String, Node> byId = fleet.stream().collect(Collectors.toMap(Node::id, n -> n));
            int hops = 2 + random.nextInt(6);
            double floor = random.nextInt(3) * 0.3;
            Set<String> avoid = Set.of("n" + random.nextInt(20));
            try {
                List<CircuitHop> path = new PathSelection(relays, floor, id -> true, random)
                        .select(hops, List.of(), avoid).hops();
                planned++;
                assertThat(path).hasSize(hops);
                assertThat(path.get(0).role()).isEqualTo(HopRole.GUARD);
                assertThat(path.get(hops - 1).role()).isEqualTo(HopRole.EXIT);
                assertThat(path.stream().map(CircuitHop::region).distinct()).as("regions, seed " + seed)
                        .hasSize(hops);
                assertThat(path.stream().map(CircuitHop::operator).distinct()).as("operators, seed " + seed)
                        .hasSize(hops);
                for (CircuitHop hop : path) {
                    Node node = byId.get(hop.nodeId());
                    assertThat(node.spec().onionCapable()).isTrue();
                    assertThat(node.canRelay()).as("no suspect hop").isTrue();
                    assertThat(node.spec().reputation()).isGreaterThanOrEqualTo(floor);
                    assertThat(avoid).doesNotContain(hop.nodeId());
                }
                Node guard = byId.get(path.get(0).nodeId());
                assertThat(guard.metrics().uptimePercent()).isGreaterThanOrEqualTo(95);
                assertThat(guard.spec().reputation()).isGreaterThanOrEqualTo(0.6);
                assertThat(Relays.isExit(byId.get(path.get(hops - 1).nodeId()))).isTrue();
            } catch (NoPrivacyPathException e) {
                refused++;
                assertThat(e.getMessage()).startsWith("no privacy path: ");
                assertThat(exists(fleet, hops, floor, avoid)).as("seed " + seed + ": " + e.getMessage()).isFalse();
            }
        }
        assertThat(planned).as("most random fleets allow a path").isGreaterThan(100);
        assertThat(refused).as("some do not").isGreaterThan(0);
    }

    @Test
    void middlesAreChosenInProportionToBandwidthTimesReputation() {
        List<Node> fleet = new ArrayList<>();
        fleet.add(relay("guard", "g", "og", 0.9, false));
        fleet.add(relay("exit", "e", "oe", 0.9, true));
        double[] weights = {100 * 1.0, 100 * 0.5, 50 * 0.5, 10 * 1.0};
        fleet.add(Fleets.relay("m0", "r0", "o0", 1.0, 50, false, 100, org.fogcompute.api.NodeStatus.ACTIVE));
        fleet.add(Fleets.relay("m1", "r1", "o1", 0.5, 50, false, 100, org.fogcompute.api.NodeStatus.ACTIVE));
        fleet.add(Fleets.relay("m2", "r2", "o2", 0.5, 50, false, 50, org.fogcompute.api.NodeStatus.ACTIVE));
        fleet.add(Fleets.relay("m3", "r3", "o3", 1.0, 50, false, 10, org.fogcompute.api.NodeStatus.ACTIVE));
        Relays relays = Relays.of(fleet, GUARDS);
        Map<String, Integer> counts = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        int rounds = 40_000;
        for (int i = 0; i < rounds; i++) {
            String middle = new PathSelection(relays, 0, id -> true, random).select(3, List.of("guard"), Set.of())
                    .hops().get(1).nodeId();
            counts.merge(middle, 1, Integer::sum);
        }
        double total = 100 + 50 + 25 + 10;
        for (int i = 0; i < 4; i++) {
            double expected = rounds * weights[i] / total;
            assertThat((double) counts.getOrDefault("m" + i, 0)).as("m" + i)
                    .isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(6));
        }
    }

    @Test
    void theClientsGuardIsKeptWhileItCanRelayAndANewOneIsNamedOtherwise() {
        List<Node> fleet = List.of(relay("g1", "a", "oa", 0.9, false), relay("g2", "b", "ob", 0.9, false),
                relay("x", "c", "oc", 0.9, true), relay("m", "d", "od", 0.9, false));
        Relays relays = Relays.of(fleet, GUARDS);
        PathSelection.Path kept = new PathSelection(relays, 0, id -> true, new SplittableRandom(1))
                .select(3, List.of("g2"), Set.of());
        assertThat(kept.hops().get(0).nodeId()).isEqualTo("g2");
        assertThat(kept.newGuard()).isNull();
        PathSelection.Path replaced = new PathSelection(relays, 0, id -> !id.equals("g2"), new SplittableRandom(1))
                .select(3, List.of("g2"), Set.of());
        assertThat(replaced.hops().get(0).nodeId()).isIn("g1", "m");
        assertThat(replaced.newGuard()).isEqualTo(replaced.hops().get(0).nodeId());
    }

    @Test
    void aPathThatCannotExistIsRefusedNamingTheConstraint() {
        List<Node> sameRegion = List.of(relay("a", "one", "oa", 0.9, false), relay("b", "one", "ob", 0.9, true),
                relay("c", "one", "oc", 0.9, false));
        assertThatThrownBy(() -> new PathSelection(Relays.of(sameRegion, GUARDS), 0, id -> true,
                new SplittableRandom(1)).select(3, List.of(), Set.of()))
                .isInstanceOf(NoPrivacyPathException.class).hasMessageContaining("exit");
        List<Node> noExit = List.of(relay("a", "1", "oa", 0.9, false), relay("b", "2", "ob", 0.9, false),
                relay("c", "3", "oc", 0.9, false));
        assertThatThrownBy(() -> new PathSelection(Relays.of(noExit, GUARDS), 0, id -> true,
                new SplittableRandom(1)).select(3, List.of(), Set.of()))
                .hasMessageContaining("no usable exit");
        assertThatThrownBy(() -> new PathSelection(Relays.of(noExit, GUARDS), 0.95, id -> true,
                new SplittableRandom(1)).select(3, List.of(), Set.of()))
                .hasMessageContaining("no usable guard");
        assertThatThrownBy(() -> new PathSelection(Relays.of(noExit, GUARDS), 0, id -> true,
                new SplittableRandom(1)).select(5, List.of(), Set.of()))
                .hasMessageContaining("5 hops needed, 3 onion-capable node(s)");
    }

    /** Whether any path exists, by exhaustive search: guard, exit and middles all distinct in region and operator. */
    private static boolean exists(List<Node> fleet, int hops, double floor, Set<String> avoid) {
        List<Node> ok = fleet.stream().filter(n -> n.spec().onionCapable() && n.canRelay()
                && n.spec().reputation() >= floor && !avoid.contains(n.id())).toList();
        for (Node guard : ok) {
            if (guard.metrics().uptimePercent() < 95 || guard.spec().reputation() < 0.6) {
                continue;
            }
            for (Node exit : ok) {
                if (!Relays.isExit(exit) || exit == guard || exit.region().equals(guard.region())
                        || exit.spec().operatorAccount().equals(guard.spec().operatorAccount())) {
                    continue;
                }
                Set<String> regions = new HashSet<>(List.of(guard.region(), exit.region()));
                Set<String> operators = new HashSet<>(List.of(guard.spec().operatorAccount(),
                        exit.spec().operatorAccount()));
                if (middles(ok, hops - 2, regions, operators, Set.of(guard.id(), exit.id()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code k} more relays fit: each relay joins a region and an operator, and the middles need {@code k}
     * relays no two of which share either, none in a region or of an operator already used — a matching of size
     * {@code k} in the bipartite graph of free regions and free operators (Kuhn's augmenting paths).
     */
    private static boolean middles(List<Node> ok, int k, Set<String> regions, Set<String> operators, Set<String> used) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (Node node : ok) {
            String operator = node.spec().operatorAccount();
            if (!used.contains(node.id()) && !regions.contains(node.region()) && !operators.contains(operator)) {
                edges.computeIfAbsent(node.region(), r -> new HashSet<>()).add(operator);
            }
        }
        Map<String, String> regionOfOperator = new HashMap<>();
        int matched = 0;
        for (String region : edges.keySet()) {
            if (augment(region, edges, regionOfOperator, new HashSet<>()) && ++matched >= k) {
                return true;
            }
        }
        return matched >= k;
    }

    private static boolean augment(String region, Map<String, Set<String>> edges, Map<String, String> regionOfOperator,
                                   Set<String> seen) {
        for (String operator : edges.get(region)) {
            if (seen.add(operator)) {
                String taken = regionOfOperator.get(operator);
                if (taken == null || augment(taken, edges, regionOfOperator, seen)) {
                    regionOfOperator.put(operator, region);
                    return true;
                }
            }
        }
        return false;
    }
}
