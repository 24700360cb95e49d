package org.fogcompute.onion.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.fogcompute.api.Checks;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.Node;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.privacy.Circuit;
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.NoPrivacyPathException;

/**
 * The open circuits and each client's guard set, and how they change: a plan, a rebuild when a hop fails, a rotation
 * before a circuit expires. Plans read a {@link Relays} snapshot of the fleet (refreshed by {@link #refresh}) and check
 * the hops they choose against the live fleet, so a relay that failed since the snapshot is not chosen. Thread-safe:
 * plans run concurrently; a circuit's rebuild replaces it under its id.
 */
final class CircuitBook {

    /** What a circuit's users are told: it was rebuilt (a hop failed, or it was rotated) or closed. */
    interface Listener {
        void rebuilt(Circuit before, Circuit after, String reason);

        void closed(Circuit circuit, String reason);
    }

    /** Where each change goes to be kept across restarts; called after the change, never under a lock of the book. */
    interface Changes {
        Changes NONE = new Changes() {
            @Override
            public void saved(Circuit circuit, String destination) {
            }

            @Override
            public void deleted(String circuitId) {
            }

            @Override
            public void guards(String client, List<String> guards) {
            }
        };

        void saved(Circuit circuit, String destination);

        void deleted(String circuitId);

        void guards(String client, List<String> guards);
    }

    /** The planner's settings. */
    record Rules(int privateHops, int confidentialHops, int secretHops, Duration lifetime, Relays.GuardRule guardRule,
                 int guardsPerClient, double minReputation, int maxCircuits) {
    }

    private final Clock clock;
    private final Supplier<Collection<Node>> fleet;
    private final Predicate<String> live;
    private final Listener listener;
    private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();
    private final Map<String, List<String>> guards = new ConcurrentHashMap<>();
    /** The circuit of each task the coordinator placed with one, and the node each such circuit leads to. */
    private final Map<String, String> taskCircuits = new ConcurrentHashMap<>();
    private final Map<String, String> destinations = new ConcurrentHashMap<>();
    private volatile Rules rules;
    private volatile Relays relays;
    private volatile Changes changes = Changes.NONE;

    /**
     * @param fleet every registered node (the snapshot's source)
     * @param live  whether a node may relay now, asked of the live fleet for every hop considered
     */
    CircuitBook(Clock clock, Rules rules, Supplier<Collection<Node>> fleet, Predicate<String> live, Listener listener) {
        this.clock = clock;
        this.rules = rules;
        this.fleet = fleet;
        this.live = live;
        this.listener = listener;
        this.relays = Relays.of(List.of(), rules.guardRule());
    }

    void changes(Changes sink) {
        this.changes = sink;
    }

    /**
     * Takes back what was kept before a restart: circuits not yet expired (an expired one is forgotten) and guard sets.
     * What was planned since the start stays as it is.
     */
    void restore(List<org.fogcompute.api.privacy.CircuitStore.StoredCircuit> stored, Map<String, List<String>> sets) {
        Instant now = clock.instant();
        for (org.fogcompute.api.privacy.CircuitStore.StoredCircuit kept : stored) {
            Circuit circuit = kept.circuit();
            if (!circuit.expiresAt().isAfter(now)) {
                changes.deleted(circuit.id());
            } else if (circuits.putIfAbsent(circuit.id(), circuit) == null) {
                if (kept.destination() != null) {
                    destinations.put(circuit.id(), kept.destination());
                }
                if (circuit.taskId() != null) {
                    taskCircuits.putIfAbsent(circuit.taskId(), circuit.id());
                }
            }
        }
        sets.forEach((client, set) -> guards.putIfAbsent(client, List.copyOf(set)));
    }

    /** Now, to the millisecond the database keeps, so that a circuit reads back as it was planned. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    void rules(Rules changed) {
        this.rules = changed;
    }

    /** Takes a new snapshot of the fleet's relays; true when the set of relays changed. */
    boolean refresh() {
        Relays before = relays;
        relays = Relays.of(fleet.get(), rules.guardRule());
        return relays.fingerprint != before.fingerprint;
    }

    int relayCount() {
        return relays.size();
    }

    int hops(PrivacyLevel level) {
        return switch (level) {
            case PUBLIC -> 0;
            case PRIVATE -> rules.privateHops();
            case CONFIDENTIAL -> rules.confidentialHops();
            case SECRET -> rules.secretHops();
        };
    }

    Circuit plan(String client, PrivacyLevel level, double minReputation) {
        Checks.id("client", client);
        if (level == null) {
            throw new ValidationException("level", "level is required: PRIVATE, CONFIDENTIAL or SECRET");
        }
        Checks.range("minReputation", minReputation, 0.0, 1.0);
        if (level == PrivacyLevel.PUBLIC) {
            throw new ValidationException("level", "PUBLIC needs no circuit; plan PRIVATE, CONFIDENTIAL or SECRET");
        }
        Rules current = rules;
        if (circuits.size() >= current.maxCircuits()) {
            throw new ConflictException("the planner keeps at most " + current.maxCircuits() + " open circuits "
                    + "(max.circuits in etc/org.fogcompute.onion.cfg); close some or wait for them to expire");
        }
        Instant now = now();
        List<CircuitHop> hops = select(client, hops(level), Math.max(minReputation, current.minReputation()), Set.of());
        Circuit circuit = new Circuit("c-" + UUID.randomUUID(), client, null, level, minReputation, hops, now,
                now.plus(current.lifetime()), 0);
        circuits.put(circuit.id(), circuit);
        changes.saved(circuit, null);
        return circuit;
    }

    /**
     * Plans the circuit to the node a task is placed on, replacing the task's earlier one: with the hops and reputation
     * floor the privacy policy asks for (kept in the circuit, so that a rebuild asks for the same), at the task's level
     * (PRIVATE for a PUBLIC task that asks for a circuit), never through the task's own node.
     */
    Circuit planForTask(TaskSpec task, String client, String destination, int hopCount, double floor,
                        Predicate<String> canRelay) {
        Rules current = rules;
        PrivacyLevel level = task.privacy() == PrivacyLevel.PUBLIC ? PrivacyLevel.PRIVATE : task.privacy();
        Checks.range("minReputation", floor, 0.0, 1.0);
        Checks.range("hops", hopCount, 2, 64);
        if (!taskCircuits.containsKey(task.id()) && circuits.size() >= current.maxCircuits()) {
            throw new NoPrivacyPathException("no privacy path: the planner keeps at most " + current.maxCircuits()
                    + " open circuits (max.circuits in etc/org.fogcompute.onion.cfg)");
        }
        List<CircuitHop> hops = select(client, hopCount, Math.max(floor, current.minReputation()),
                Set.of(destination), canRelay);
        Instant now = now();
        Circuit circuit = new Circuit("c-" + UUID.randomUUID(), client, task.id(), level, floor, hops, now,
                now.plus(current.lifetime()), 0);
        circuits.put(circuit.id(), circuit);
        destinations.put(circuit.id(), destination);
        changes.saved(circuit, destination);
        String before = taskCircuits.put(task.id(), circuit.id());
        if (before != null) {
            forget(before);
        }
        return circuit;
    }

    /** Closes the task's circuit, if it has one. */
    boolean releaseTask(String taskId) {
        String id = taskCircuits.remove(taskId);
        return id != null && forget(id);
    }

    /** The circuit of a task, if it has one. */
    Optional<Circuit> circuitOfTask(String taskId) {
        String id = taskCircuits.get(taskId);
        return id == null ? Optional.empty() : circuit(id);
    }

    private boolean forget(String circuitId) {
        destinations.remove(circuitId);
        boolean removed = circuits.remove(circuitId) != null;
        if (removed) {
            changes.deleted(circuitId);
        }
        return removed;
    }

    Optional<Circuit> circuit(String id) {
        return Optional.ofNullable(circuits.get(id));
    }

    List<Circuit> circuits(String client, int offset, int limit) {
        return circuits.values().stream().filter(c -> client == null || c.client().equals(client)).sorted(Comparator.comparing(Circuit::createdAt).reversed()
                .thenComparing(Circuit::id)).skip(offset).limit(limit).toList();
    }

    int size() {
        return circuits.size();
    }

    /** Open circuits by level, counted without sorting them. */
    java.util.Map<PrivacyLevel, Integer> countByLevel() {
        java.util.Map<PrivacyLevel, Integer> counts = new java.util.EnumMap<>(PrivacyLevel.class);
        for (Circuit circuit : circuits.values()) {
            counts.merge(circuit.level(), 1, Integer::sum);
        }
        return counts;
    }

    boolean close(String id) {
        Circuit circuit = circuits.get(id);
        if (circuit != null && circuit.taskId() != null) {
            taskCircuits.remove(circuit.taskId(), id);
        }
        return forget(id);
    }

    /** The client's guards, in the order they were chosen. */
    List<String> guards(String client) {
        return guards.getOrDefault(client, List.of());
    }

    /**
     * Rebuilds every circuit that uses the node (it failed or left), avoiding it; a circuit that cannot be rebuilt
     * is closed. Both are reported to the listener.
     *
     * @return how many circuits were affected
     */
    int nodeFailed(String nodeId, String why) {
        int affected = 0;
        for (Circuit circuit : List.copyOf(circuits.values())) {
            if (circuit.uses(nodeId)) {
                rebuild(circuit, Set.of(nodeId), "hop " + nodeId + " " + why);
                affected++;
            }
        }
        return affected;
    }

    /**
     * Rebuilds the circuits that would expire before the next check and those with a hop that may no longer relay;
     * closes the ones that cannot be rebuilt, and those of tasks that no longer run.
     *
     * @return how many circuits were rebuilt or closed
     */
    int rotate(Duration untilNextCheck, Predicate<String> taskRuns) {
        Instant soon = clock.instant().plus(untilNextCheck);
        int changed = 0;
        for (Circuit circuit : List.copyOf(circuits.values())) {
            if (circuit.taskId() != null && !taskRuns.test(circuit.taskId())) {
                // its task ended while no one was told (a restart in between): nothing uses the circuit
                taskCircuits.remove(circuit.taskId(), circuit.id());
                if (forget(circuit.id())) {
                    changed++;
                }
                continue;
            }
            String failed = circuit.hops().stream().map(CircuitHop::nodeId).filter(live.negate()).findFirst()
                    .orElse(null);
            if (failed != null) {
                rebuild(circuit, Set.of(failed), "hop " + failed + " can no longer relay");
                changed++;
            } else if (!circuit.expiresAt().isAfter(soon)) {
                rebuild(circuit, Set.of(), "rotated before it expires at " + circuit.expiresAt());
                changed++;
            }
        }
        return changed;
    }

    private void rebuild(Circuit circuit, Set<String> avoid, String reason) {
        Instant now = now();
        String destination = destinations.get(circuit.id());
        Set<String> excluded = new java.util.HashSet<>(avoid);
        if (destination != null) {
            excluded.add(destination); // a task's circuit never runs through the task's own node
        }
        try {
            List<CircuitHop> hops = select(circuit.client(), circuit.hops().size(),
                    Math.max(circuit.minReputation(), rules.minReputation()), excluded, live);
            Circuit rebuilt = new Circuit(circuit.id(), circuit.client(), circuit.taskId(), circuit.level(),
                    circuit.minReputation(), hops, now, now.plus(rules.lifetime()), circuit.generation() + 1);
            if (circuits.replace(circuit.id(), circuit, rebuilt)) {
                changes.saved(rebuilt, destination);
                listener.rebuilt(circuit, rebuilt, reason);
            }
        } catch (NoPrivacyPathException e) {
            if (circuits.remove(circuit.id(), circuit)) {
                destinations.remove(circuit.id());
                changes.deleted(circuit.id());
                if (circuit.taskId() != null) {
                    taskCircuits.remove(circuit.taskId(), circuit.id());
                }
                listener.closed(circuit, reason + "; not rebuilt: " + e.getMessage());
            }
        }
    }

    /**
     * A hidden service's introduction points: relays chosen like a circuit's hops (the first from the service's own
     * guard set, kept under the client {@code hs:<service>}), never one of {@code avoid}.
     */
    List<CircuitHop> introductionPoints(String service, int count, double floor, Set<String> avoid) {
        Checks.range("count", count, 2, 16);
        Checks.range("minReputation", floor, 0.0, 1.0);
        return select("hs:" + service, count, Math.max(floor, rules.minReputation()), avoid);
    }

    private List<CircuitHop> select(String client, int hops, double floor, Set<String> avoid) {
        return select(client, hops, floor, avoid, live);
    }

    private List<CircuitHop> select(String client, int hops, double floor, Set<String> avoid,
                                    Predicate<String> canRelay) {
        Relays snapshot = relays;
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        PathSelection.Path path = new PathSelection(snapshot, floor, canRelay, random).select(hops, guards(client),
                avoid);
        if (path.newGuard() != null) {
            remember(client, path.newGuard(), snapshot);
        }
        return path.hops();
    }

    /** Adds a guard to the client's set; a full set gives up a guard that is no longer a relay, else stays as it is. */
    private void remember(String client, String guard, Relays snapshot) {
        List<String> before = guards.get(client);
        List<String> after = guards.compute(client, (c, known) -> {
            List<String> set = known == null ? new ArrayList<>() : new ArrayList<>(known);
            if (set.contains(guard)) {
                return known;
            }
            if (set.size() >= rules.guardsPerClient()) {
                set.removeIf(g -> snapshot.position(g) < 0 || !snapshot.guard[snapshot.position(g)]);
            }
            if (set.size() < rules.guardsPerClient()) {
                set.add(guard);
            }
            return List.copyOf(set);
        });
        if (!after.equals(before)) {
            changes.guards(client, after);
        }
    }
}
