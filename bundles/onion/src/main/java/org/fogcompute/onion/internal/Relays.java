package org.fogcompute.onion.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeType;

/**
 * The fleet's onion-capable relays as planning sees them: a snapshot taken from the registry, in arrays, with
 * cumulative weights for sampling guards, middles and exits in O(log n). A relay's weight is its bandwidth (label
 * {@code bandwidth.mbps}, default {@value #DEFAULT_BANDWIDTH_MBPS}) times its reputation, so that fast and reliable
 * relays carry more circuits without the slow ones being shut out. Immutable once built.
 */
final class Relays {
    static final String BANDWIDTH_LABEL = "bandwidth.mbps";
    static final String EXIT_LABEL = "onion.exit";
    static final double DEFAULT_BANDWIDTH_MBPS = 10;
    static final double MAX_BANDWIDTH_MBPS = 100_000;
    /** A relay with no reputation yet still gets a little traffic. */
    static final double MIN_WEIGHT_REPUTATION = 0.01;

    /** Who may be a guard: long enough up and reputable enough. */
    record GuardRule(double minUptimePercent, double minReputation) {
    }

    final String[] ids;
    final String[] regions;
    final String[] operators;
    final double[] reputation;
    final double[] weight;
    final boolean[] exit;
    final boolean[] guard;
    /** Cumulative weights over every relay (middles), the guard-eligible ones and the exits; 0 where not eligible. */
    final double[] middleSums;
    final double[] guardSums;
    final double[] exitSums;
    final int guards;
    final int exits;
    /** Which relays these are, as one number: equal for equal sets (in any order), so a change shows. */
    final long fingerprint;
    private final Map<String, Integer> positions;

    private Relays(List<Node> relays, GuardRule rule) {
        int n = relays.size();
        ids = new String[n];
        regions = new String[n];
        operators = new String[n];
        reputation = new double[n];
        weight = new double[n];
        exit = new boolean[n];
        guard = new boolean[n];
        middleSums = new double[n];
        guardSums = new double[n];
        exitSums = new double[n];
        positions = new HashMap<>(n * 2);
        double middle = 0;
        double guardTotal = 0;
        double exitTotal = 0;
        int guardCount = 0;
        int exitCount = 0;
        for (int i = 0; i < n; i++) {
            Node node = relays.get(i);
            ids[i] = node.id();
            regions[i] = node.region();
            operators[i] = node.spec().operatorAccount();
            reputation[i] = node.spec().reputation();
            weight[i] = bandwidth(node) * Math.max(MIN_WEIGHT_REPUTATION, reputation[i]);
            exit[i] = isExit(node);
            guard[i] = node.metrics().uptimePercent() >= rule.minUptimePercent()
                    && reputation[i] >= rule.minReputation();
            middle += weight[i];
            middleSums[i] = middle;
            if (guard[i]) {
                guardTotal += weight[i];
                guardCount++;
            }
            guardSums[i] = guardTotal;
            if (exit[i]) {
                exitTotal += weight[i];
                exitCount++;
            }
            exitSums[i] = exitTotal;
            positions.put(ids[i], i);
        }
        guards = guardCount;
        exits = exitCount;
        long print = n;
        for (String id : ids) {
            print += id.hashCode() * 0x9E3779B97F4A7C15L;
        }
        fingerprint = print;
    }

    /** The onion-capable nodes among these that could relay now: not suspect, offline, in maintenance or draining. */
    static Relays of(Collection<Node> nodes, GuardRule rule) {
        List<Node> relays = new ArrayList<>();
        for (Node node : nodes) {
            if (node.canRelay()) {
                relays.add(node);
            }
        }
        return new Relays(relays, rule);
    }

    static boolean isExit(Node node) {
        return node.spec().type() == NodeType.GATEWAY
                || "true".equalsIgnoreCase(node.spec().labels().get(EXIT_LABEL));
    }

    static double bandwidth(Node node) {
        String declared = node.spec().labels().get(BANDWIDTH_LABEL);
        if (declared != null) {
            try {
                double mbps = Double.parseDouble(declared.trim());
                if (mbps > 0 && Double.isFinite(mbps)) {
                    return Math.min(mbps, MAX_BANDWIDTH_MBPS);
                }
            } catch (NumberFormatException ignored) {
                // an unreadable label counts as none
            }
        }
        return DEFAULT_BANDWIDTH_MBPS;
    }

    int size() {
        return ids.length;
    }

    /** The relay's position, or -1 when it is not a relay now. */
    int position(String nodeId) {
        Integer position = positions.get(nodeId);
        return position == null ? -1 : position;
    }

    /** The position whose weight interval holds {@code point} (0 ≤ point < total) in a cumulative array. */
    static int search(double[] sums, double point) {
        int low = 0;
        int high = sums.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sums[mid] > point) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
