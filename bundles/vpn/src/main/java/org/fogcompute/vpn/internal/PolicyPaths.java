package org.fogcompute.vpn.internal;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.betanet.Consensus;
import org.fogcompute.api.betanet.Mixnode;
import org.fogcompute.api.betanet.MixnodeDirectory;
import org.fogcompute.api.privacy.Circuit;
import org.fogcompute.api.privacy.CircuitPlanner;
import org.fogcompute.api.privacy.NoPrivacyPathException;
import org.fogcompute.api.privacy.PrivacyPolicy.TaskPath;
import org.fogcompute.api.privacy.PrivacyRequirement;
import org.fogcompute.api.privacy.TaskCircuits;
import org.fogcompute.api.privacy.TaskPaths;

/**
 * The privacy policy over the onion planner and the mixnode directory, without OSGi: each level's requirement, and a
 * task's path planned to it in full or not at all (a SECRET task whose mixnet route cannot be drawn gets no circuit
 * either, and waits). Hops per level are the planner's ({@code etc/org.fogcompute.onion.cfg}); the policy adds the
 * reputation floor of CONFIDENTIAL and SECRET and the mixnet route of SECRET.
 */
final class PolicyPaths implements TaskPaths {
    /** The policy's own numbers. */
    record Rules(double confidentialMinReputation, int secretMixHops) {
    }

    private final Clock clock;
    private final CircuitPlanner planner;
    private final TaskCircuits circuits;
    private final Supplier<MixnodeDirectory> mixnodes;
    private final Map<String, TaskPath> paths = new ConcurrentHashMap<>();
    private volatile Rules rules;

    PolicyPaths(Clock clock, CircuitPlanner planner, TaskCircuits circuits, Supplier<MixnodeDirectory> mixnodes,
                Rules rules) {
        this.clock = clock;
        this.planner = planner;
        this.circuits = circuits;
        this.mixnodes = mixnodes;
        this.rules = rules;
    }

    void rules(Rules changed) {
        this.rules = changed;
    }

    PrivacyRequirement requirement(TaskSpec task) {
        if (!task.needsPrivacyPath()) {
            return PrivacyRequirement.NONE;
        }
        Rules current = rules;
        double floor = task.requirements().minReputation();
        return switch (task.privacy()) {
            case PUBLIC, PRIVATE -> new PrivacyRequirement(task.privacy(), planner.hops(PrivacyLevel.PRIVATE), floor,
                    0);
            case CONFIDENTIAL -> new PrivacyRequirement(PrivacyLevel.CONFIDENTIAL,
                    planner.hops(PrivacyLevel.CONFIDENTIAL), Math.max(floor, current.confidentialMinReputation()), 0);
            case SECRET -> new PrivacyRequirement(PrivacyLevel.SECRET, planner.hops(PrivacyLevel.SECRET),
                    Math.max(floor, current.confidentialMinReputation()), Math.max(1, current.secretMixHops()));
        };
    }

    /** The mixnet route first (it needs no lock and may refuse), then the circuit: all of the path, or nothing. */
    @Override
    public Circuit planFor(TaskSpec task, String client, String destination, Predicate<String> canRelay) {
        PrivacyRequirement requirement = requirement(task);
        if (!requirement.needsCircuit()) {
            return null;
        }
        List<Mixnode> route = List.of();
        long epoch = 0;
        if (requirement.mixHops() > 0) {
            MixnodeDirectory directory = mixnodes.get();
            if (directory == null) {
                throw new NoPrivacyPathException("no privacy path: SECRET needs a mixnet route and the mixnode "
                        + "directory (betanet) is not running");
            }
            route = directory.route(requirement.mixHops());
            epoch = directory.consensus().map(Consensus::epoch).orElse(0L);
        }
        Circuit circuit;
        try {
            circuit = circuits.planFor(task, client, destination, requirement.circuitHops(),
                    requirement.minReputation(), canRelay);
        } catch (NoPrivacyPathException e) {
            throw new NoPrivacyPathException(e.getMessage() + " (" + requirement.describe() + ")");
        }
        paths.put(task.id(), new TaskPath(task.id(), client, requirement, circuit.id(), epoch, route,
                clock.instant()));
        return circuit;
    }

    @Override
    public void released(String taskId) {
        paths.remove(taskId);
        circuits.released(taskId);
    }

    /** The task ended: its path is forgotten (the planner closes its circuit on the same event). */
    void ended(String taskId) {
        paths.remove(taskId);
    }

    /**
     * A placed task's path. After a restart the planner still holds the task's circuit (it is stored), and a SECRET
     * task's mixnet route, kept in memory only, is drawn again from the consensus in force when it is asked for.
     */
    Optional<TaskPath> path(String taskId) {
        TaskPath known = paths.get(taskId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Circuit> circuit = planner.circuitOfTask(taskId);
        if (circuit.isEmpty()) {
            return Optional.empty();
        }
        Circuit c = circuit.get();
        Rules current = rules;
        int mixHops = c.level() == PrivacyLevel.SECRET ? Math.max(1, current.secretMixHops()) : 0;
        PrivacyRequirement requirement = new PrivacyRequirement(c.level(), c.hops().size(), c.minReputation(), mixHops);
        List<Mixnode> route = List.of();
        long epoch = 0;
        MixnodeDirectory directory = mixnodes.get();
        if (mixHops > 0 && directory != null) {
            try {
                route = directory.route(mixHops);
                epoch = directory.consensus().map(Consensus::epoch).orElse(0L);
            } catch (NoPrivacyPathException none) {
                // shown without a route; the task keeps its circuit
            }
        }
        TaskPath redrawn = new TaskPath(taskId, c.client(), requirement, c.id(), epoch, route, clock.instant());
        paths.putIfAbsent(taskId, redrawn);
        return Optional.of(paths.get(taskId));
    }

    Map<PrivacyLevel, Integer> pathsByLevel() {
        Map<PrivacyLevel, Integer> counts = new EnumMap<>(PrivacyLevel.class);
        paths.values().forEach(p -> counts.merge(p.requirement().level(), 1, Integer::sum));
        return counts;
    }
}
