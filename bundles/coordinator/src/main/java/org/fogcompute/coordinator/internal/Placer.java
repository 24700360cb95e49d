package org.fogcompute.coordinator.internal;

import java.util.Iterator;
import java.util.List;
import org.fogcompute.api.Node;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.NodeOrder;
import org.fogcompute.api.routing.RoutingStrategies;
import org.fogcompute.api.routing.RoutingStrategies.NamedStrategy;
import org.fogcompute.api.routing.RoutingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a strategy to choose among the nodes that can host a task. Never throws for a placement problem: a strategy
 * that fails or disappears mid-call is replaced by the default, then by a built-in fallback (least loaded), so a
 * routing call never fails because strategies come and go. Guarded by the coordinator's lock (reuses one view).
 */
final class Placer {
    static final String FALLBACK_NAME = "fallback";
    private static final RoutingStrategy FALLBACK = (task, candidates) -> {
        Iterator<Node> leastLoaded = candidates.eligible(NodeOrder.LEAST_LOADED).iterator();
        return leastLoaded.hasNext() ? leastLoaded.next() : null;
    };

    private final Logger log = LoggerFactory.getLogger(Placer.class);
    private final RoutingStrategies strategies;
    private final FleetIndex index;
    private final FleetView view;

    Placer(RoutingStrategies strategies, FleetIndex index) {
        this.strategies = strategies;
        this.index = index;
        this.view = new FleetView(index);
    }

    /** The outcome of one placement: a node and the strategy that chose it, or the reason there is none. */
    record Decision(Node node, String strategy, String reason) {
    }

    void admission(java.util.function.Predicate<String> admits) {
        view.admission(admits);
    }

    Decision place(TaskSpec task) {
        view.forTask(task);
        NamedStrategy requested = strategies.resolve(task.strategy()).orElse(null);
        if (requested != null) {
            Decision decision = ask(requested, task);
            if (decision != null) {
                return decision;
            }
            NamedStrategy byDefault = strategies.resolve(null).orElse(null);
            if (byDefault != null && !byDefault.name().equals(requested.name())) {
                decision = ask(byDefault, task);
                if (decision != null) {
                    return decision;
                }
            }
        }
        Node chosen = FALLBACK.select(task, view);
        return chosen != null ? new Decision(chosen, FALLBACK_NAME, null)
                : new Decision(null, null, noCandidateReason(task, index.inOrder));
    }

    /** The strategy's decision, or null when it broke (threw, or chose a node that cannot host the task). */
    private Decision ask(NamedStrategy strategy, TaskSpec task) {
        try {
            Node chosen = strategy.strategy().select(task, view);
            if (chosen == null) {
                return new Decision(null, null, hasEligibleNode() ? "strategy '" + strategy.name()
                        + "' chose none of the eligible nodes" : noCandidateReason(task, index.inOrder));
            }
            NodeEntry current = index.get(chosen.id());
            if (current != null && view.isEligible(current.snapshot())) {
                return new Decision(current.snapshot(), strategy.name(), null);
            }
            log.warn("Routing strategy '{}' chose node {} which cannot host task {}; ignoring its choice",
                    strategy.name(), chosen.id(), task.id());
        } catch (RuntimeException e) {
            // Typically a strategy whose bundle is being stopped while this call runs.
            log.debug("Routing strategy '{}' failed; falling back", strategy.name(), e);
        }
        return null;
    }

    private boolean hasEligibleNode() {
        return view.eligible(NodeOrder.REGISTRATION).iterator().hasNext();
    }

    /** Says at which constraint the fleet ran out of nodes, so an operator knows what to add or free. */
    private static String noCandidateReason(TaskSpec task, List<NodeEntry> nodes) {
        TaskRequirements r = task.requirements();
        int accepting = 0;
        int withCpuAndMemory = 0;
        int withStorage = 0;
        int withGpu = 0;
        for (NodeEntry entry : nodes) {
            Node node = entry.snapshot();
            if (!node.acceptsWork()) {
                continue;
            }
            accepting++;
            if (node.freeCpu() < r.cpuCores() || node.freeMemoryMb() < r.memoryMb()) {
                continue;
            }
            withCpuAndMemory++;
            if (node.capacity().storageMb() < r.storageMb()) {
                continue;
            }
            withStorage++;
            if (!r.gpu() || node.hasGpu()) {
                withGpu++;
            }
        }
        StringBuilder reason = new StringBuilder("no eligible node for ").append(r.cpuCores()).append(" cpu / ")
                .append(r.memoryMb()).append(" MB");
        if (r.gpu()) {
            reason.append(" / GPU");
        }
        if (task.needsOnionRouting()) {
            reason.append(" / onion routing");
        }
        reason.append(": ").append(nodes.size()).append(" registered, ").append(accepting)
                .append(" accepting work, ").append(withCpuAndMemory).append(" with enough free cpu and memory");
        if (withCpuAndMemory > 0) {
            reason.append(", ").append(withStorage).append(" with ").append(r.storageMb()).append(" MB storage");
            if (withStorage > 0 && r.gpu()) {
                reason.append(", ").append(withGpu).append(" with a GPU");
            }
            if (withGpu > 0 && task.needsOnionRouting()) {
                reason.append(", none onion-capable");
            }
        }
        return reason.toString();
    }
}
