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
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.scheduling.NodeChoice;
import org.fogcompute.api.scheduling.SchedulingStrategies;
import org.fogcompute.api.scheduling.WaitReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the strategies to choose among the nodes that can host a task. A task that names a routing strategy is placed
 * by it; otherwise the scheduling strategy (the task's, else the default) may prefer a node or refuse them all (COST
 * over a price limit), and when it leaves the choice open the default routing strategy chooses. Never throws for a
 * placement problem: a strategy that fails or disappears mid-call is replaced by the default, then by a built-in
 * fallback (least loaded), so a placement never fails because strategies come and go. Guarded by the coordinator's
 * lock (reuses one view).
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

    /**
     * The outcome of one placement: a node and the strategy that chose it, or the reason there is none and what the
     * task waits for (null: a passing failure, worth another attempt soon).
     */
    record Decision(Node node, String strategy, String reason, WaitReason waitReason) {
        Decision(Node node, String strategy, String reason) {
            this(node, strategy, reason, null);
        }
    }

    private SchedulingStrategies scheduling = SchedulingStrategyRegistry.NONE;

    void scheduling(SchedulingStrategies scheduling) {
        this.scheduling = scheduling;
    }

    /** The fleet as a decision about this task sees it (for admission checks). */
    Candidates candidatesFor(TaskSpec task) {
        return view.forTask(task);
    }

    void admission(java.util.function.Predicate<String> admits) {
        view.admission(admits);
    }

    Decision place(TaskSpec task) {
        view.forTask(task);
        if (task.strategy() == null) {
            Decision preferred = askScheduling(task);
            if (preferred != null) {
                return preferred;
            }
        }
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
        return chosen != null ? new Decision(chosen, FALLBACK_NAME, null) : noCandidate(task);
    }

    /** The scheduling strategy's preference: a decision, or null to leave the choice to routing. */
    private Decision askScheduling(TaskSpec task) {
        SchedulingStrategies.NamedStrategy named = scheduling.resolve(task.schedulingStrategy()).orElse(null);
        if (named == null) {
            return null;
        }
        try {
            NodeChoice choice = named.strategy().choose(task, view);
            if (choice == null || choice.leavesItToRouting()) {
                return null;
            }
            if (choice.node() == null) {
                return hasEligibleNode() ? new Decision(null, null, choice.refusal(), choice.waitReason())
                        : noCandidate(task);
            }
            NodeEntry current = index.get(choice.node().id());
            if (current != null && view.isEligible(current.snapshot())) {
                return new Decision(current.snapshot(), named.name(), null);
            }
            log.warn("Scheduling strategy '{}' chose node {} which cannot host task {}; ignoring its choice",
                    named.name(), choice.node().id(), task.id());
        } catch (RuntimeException e) {
            log.debug("Scheduling strategy '{}' failed; routing decides", named.name(), e);
        }
        return null;
    }

    /** The strategy's decision, or null when it broke (threw, or chose a node that cannot host the task). */
    private Decision ask(NamedStrategy strategy, TaskSpec task) {
        try {
            Node chosen = strategy.strategy().select(task, view);
            if (chosen == null) {
                return hasEligibleNode() ? new Decision(null, null, "strategy '" + strategy.name()
                        + "' chose none of the eligible nodes") : noCandidate(task);
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

    private Decision noCandidate(TaskSpec task) {
        return new Decision(null, null, noCandidateReason(task, index.inOrder), waitReason(task, index.inOrder));
    }

    /**
     * What a task without an eligible node waits for. Nodes that are BUSY count as live: their capacity frees. When
     * some node could host the task but none is admitted (circuits open, trial permits taken), the wait is a passing
     * one (null): it is not cured by a capacity event, so the task backs off instead of parking.
     */
    static WaitReason waitReason(TaskSpec task, List<NodeEntry> nodes) {
        TaskRequirements r = task.requirements();
        boolean live = false;
        boolean placeable = false;
        boolean withGpu = false;
        boolean withPrivacyPath = false;
        boolean reputable = false;
        for (NodeEntry entry : nodes) {
            Node node = entry.snapshot();
            if (node.status() != org.fogcompute.api.NodeStatus.ACTIVE && node.status() != org.fogcompute.api.NodeStatus.IDLE
                    && node.status() != org.fogcompute.api.NodeStatus.BUSY) {
                continue;
            }
            live = true;
            if (task.placement() != null && !task.placement().admits(node)) {
                continue;
            }
            placeable = true;
            if (r.gpu() && !node.hasGpu()) {
                continue;
            }
            withGpu = true;
            if (task.needsOnionRouting() && !node.spec().onionCapable()) {
                continue;
            }
            withPrivacyPath = true;
            if (node.spec().reputation() < r.minReputation()) {
                continue;
            }
            reputable = true;
            if (node.canHost(task)) {
                return null;
            }
        }
        if (!live) {
            return WaitReason.NO_NODE_ACCEPTING_WORK;
        }
        if (!placeable) {
            return WaitReason.NO_NODE_IN_PLACEMENT;
        }
        if (!withGpu) {
            return WaitReason.NO_GPU_NODE;
        }
        if (!withPrivacyPath) {
            return WaitReason.NO_PRIVACY_PATH;
        }
        return reputable ? WaitReason.NO_CAPACITY : WaitReason.NO_REPUTABLE_NODE;
    }

    /** Says at which constraint the fleet ran out of nodes, so an operator knows what to add or free. */
    private static String noCandidateReason(TaskSpec task, List<NodeEntry> nodes) {
        TaskRequirements r = task.requirements();
        int accepting = 0;
        int placeable = 0;
        int withCpuAndMemory = 0;
        int withStorage = 0;
        int withGpu = 0;
        int reputable = 0;
        for (NodeEntry entry : nodes) {
            Node node = entry.snapshot();
            if (!node.acceptsWork()) {
                continue;
            }
            accepting++;
            if (task.placement() != null && !task.placement().admits(node)) {
                continue;
            }
            placeable++;
            if (node.spec().reputation() >= r.minReputation()) {
                reputable++;
            }
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
        if (r.minReputation() > 0) {
            reason.append(" / reputation >= ").append(r.minReputation());
        }
        if (task.placement() != null) {
            reason.append(" / placement ").append(describe(task.placement()));
        }
        reason.append(": ").append(nodes.size()).append(" registered, ").append(accepting)
                .append(" accepting work, ");
        if (task.placement() != null) {
            reason.append(placeable).append(" of them within the placement, ");
        }
        if (r.minReputation() > 0) {
            reason.append(reputable).append(" of them reputable enough, ");
        }
        reason.append(withCpuAndMemory).append(" with enough free cpu and memory");
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

    private static String describe(org.fogcompute.api.Placement placement) {
        StringBuilder text = new StringBuilder();
        if (!placement.regions().isEmpty()) {
            text.append("regions ").append(placement.regions());
        }
        if (!placement.labels().isEmpty()) {
            text.append(text.length() > 0 ? ", " : "").append("labels ").append(new java.util.TreeMap<>(
                    placement.labels()));
        }
        if (!placement.avoidNodes().isEmpty()) {
            text.append(text.length() > 0 ? ", " : "").append("avoiding ").append(placement.avoidNodes().size())
                    .append(placement.avoidNodes().size() == 1 ? " node" : " nodes");
        }
        return text.toString();
    }
}
