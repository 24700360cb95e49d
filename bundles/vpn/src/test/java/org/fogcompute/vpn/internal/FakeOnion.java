package org.fogcompute.vpn.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.privacy.Circuit;
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.CircuitPlanner;
import org.fogcompute.api.privacy.HopRole;
import org.fogcompute.api.privacy.NoPrivacyPathException;
import org.fogcompute.api.privacy.TaskCircuits;

/** An onion planner over a list of relays, recording what it was asked for; refuses while told to. */
final class FakeOnion implements CircuitPlanner, TaskCircuits {
    final List<String> asked = new ArrayList<>();
    final Map<String, Circuit> byTask = new HashMap<>();
    List<String> relays = new ArrayList<>(List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"));
    String refusal;

    @Override
    public Circuit planFor(TaskSpec task, String client, String destination, int hops, double minReputation,
                           Predicate<String> canRelay) {
        asked.add(task.id() + " " + hops + " hops >= " + minReputation);
        if (refusal != null) {
            throw new NoPrivacyPathException(refusal);
        }
        Circuit circuit = new Circuit("c-" + task.id(), client, task.id(), task.privacy(), minReputation,
                hops(relays.subList(0, hops)), Instant.EPOCH, Instant.EPOCH.plusSeconds(1800), 0);
        byTask.put(task.id(), circuit);
        return circuit;
    }

    @Override
    public void released(String taskId) {
        byTask.remove(taskId);
    }

    @Override
    public Circuit plan(String client, PrivacyLevel level, double minReputation) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int hops(PrivacyLevel level) {
        return switch (level) {
            case PUBLIC -> 0;
            case PRIVATE -> 3;
            case CONFIDENTIAL -> 5;
            case SECRET -> 7;
        };
    }

    @Override
    public Optional<Circuit> circuit(String id) {
        return byTask.values().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Circuit> circuitOfTask(String taskId) {
        return Optional.ofNullable(byTask.get(taskId));
    }

    @Override
    public List<Circuit> circuits(String client, int offset, int limit) {
        return List.copyOf(byTask.values());
    }

    @Override
    public boolean close(String id) {
        return false;
    }

    @Override
    public List<CircuitHop> introductionPoints(String service, int count, double minReputation, Set<String> avoid) {
        List<String> usable = relays.stream().filter(r -> !avoid.contains(r)).toList();
        if (usable.size() < count) {
            throw new NoPrivacyPathException("no privacy path: " + count + " introduction points needed, "
                    + usable.size() + " relays");
        }
        return hops(usable.subList(0, count));
    }

    private static List<CircuitHop> hops(List<String> nodes) {
        List<CircuitHop> hops = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            HopRole role = i == 0 ? HopRole.GUARD : i == nodes.size() - 1 ? HopRole.EXIT : HopRole.MIDDLE;
            hops.add(new CircuitHop(nodes.get(i), role, "region-" + nodes.get(i), "op-" + nodes.get(i)));
        }
        return hops;
    }
}
