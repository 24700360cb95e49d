package org.fogcompute.api.routing;

import java.util.Comparator;
import java.util.List;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskSpec;

/** {@link Candidates} over a list: linear and sorting, meant for tests and small tools. */
final class ListCandidates implements Candidates {
    private final TaskSpec task;
    private final List<Node> nodes;
    private final java.util.Map<String, Node> byId = new java.util.HashMap<>();

    ListCandidates(TaskSpec task, List<Node> nodes) {
        this.task = task;
        this.nodes = List.copyOf(nodes);
        this.nodes.forEach(node -> byId.put(node.id(), node));
    }

    @Override
    public Node node(String id) {
        return byId.get(id);
    }

    @Override
    public TaskSpec task() {
        return task;
    }

    @Override
    public boolean isEligible(Node node) {
        return node.canHost(task);
    }

    @Override
    public Iterable<Node> eligible(NodeOrder order) {
        return sorted(order, n -> true);
    }

    @Override
    public Iterable<Node> eligibleInRegion(String region, NodeOrder order) {
        return sorted(order, n -> region.equals(n.region()));
    }

    @Override
    public Iterable<Node> eligibleWithFreeMemory(long minimumFreeMemoryMb) {
        return sorted(NodeOrder.LEAST_FREE_MEMORY, n -> n.freeMemoryMb() >= minimumFreeMemoryMb);
    }

    @Override
    public int fleetSize() {
        return nodes.size();
    }

    @Override
    public Node nodeAt(int position) {
        return nodes.get(position);
    }

    private List<Node> sorted(NodeOrder order, java.util.function.Predicate<Node> filter) {
        Comparator<Node> byRegistration = Comparator.comparingInt(nodes::indexOf);
        return nodes.stream().filter(this::isEligible).filter(filter)
                .sorted(order == NodeOrder.REGISTRATION ? byRegistration
                        : order.comparator().thenComparing(byRegistration))
                .toList();
    }
}
