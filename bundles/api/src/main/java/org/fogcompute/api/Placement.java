package org.fogcompute.api;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a task may run, as hard constraints the coordinator checks with capacity: a node in one of {@code regions}
 * (empty: any region), carrying every label of {@code labels} with that value, and none of {@code avoidNodes} (what
 * keeps a deployment's replicas on distinct nodes). A task whose placement no node meets waits, saying so.
 */
public record Placement(Set<String> regions, Map<String, String> labels, Set<String> avoidNodes) {
    /** The most nodes one task may avoid: a deployment of this many replicas is far beyond a fog site. */
    public static final int MAX_AVOIDED = 1000;
    public static final int MAX_REGIONS = 64;

    public Placement {
        regions = names("placement.regions", regions, MAX_REGIONS, false);
        labels = Checks.labels(labels);
        avoidNodes = names("placement.avoidNodes", avoidNodes, MAX_AVOIDED, true);
    }

    private static Set<String> names(String field, Set<String> values, int max, boolean nodeIds) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > max) {
            throw new ValidationException(field, field + " may name at most " + max + ", got " + values.size());
        }
        Set<String> checked = new TreeSet<>();
        for (String value : values) {
            if (!nodeIds && (value == null || value.isBlank())) {
                throw new ValidationException(field, field + " may not name an empty region");
            }
            checked.add(nodeIds ? Checks.id(field, value) : Checks.text(field, value));
        }
        return Set.copyOf(checked);
    }

    /** Whether it constrains anything. */
    public boolean isEmpty() {
        return regions.isEmpty() && labels.isEmpty() && avoidNodes.isEmpty();
    }

    /** Whether {@code node} meets every constraint (capacity aside). */
    public boolean admits(Node node) {
        NodeSpec spec = node.spec();
        if (!regions.isEmpty() && !regions.contains(spec.region())) {
            return false;
        }
        if (avoidNodes.contains(spec.id())) {
            return false;
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (!label.getValue().equals(spec.labels().get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The same constraints, also avoiding {@code nodeId}. */
    public Placement avoiding(String nodeId) {
        Set<String> avoided = new TreeSet<>(avoidNodes);
        avoided.add(nodeId);
        return new Placement(regions, labels, avoided);
    }
}
