package org.fogcompute.deployments.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.fogcompute.api.Node;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.deployments.DeploymentSpec;

/**
 * What one deployment needs now, decided from its slots and their tasks alone (no side effects, so that every rule
 * is tested without a runtime):
 * <ol>
 *   <li>a slot whose task ended (or is unknown) is refilled, counting a restart;</li>
 *   <li>two replicas on one node (a task re-routed by the coordinator after its node failed can land beside another):
 *       a running one stays, else the older, and the other moves; with {@code spreadRegions}, likewise two in one
 *       region;</li>
 *   <li>more slots than replicas: the surplus goes, waiting ones first, then starting, then running, older
 *       generations before newer, higher slots before lower;</li>
 *   <li>fewer: new slots, lowest numbers first;</li>
 *   <li>an update: replicas of an older generation are replaced, the waiting ones at once, running ones only while
 *       the running replicas stay at or above {@code replicas − maxUnavailable};</li>
 *   <li>a replica waiting behind an avoid list that names a node no other replica uses any more is submitted again
 *       with the current list.</li>
 * </ol>
 */
final class Reconciliation {

    /** Why a slot's task is replaced. */
    enum Why { ENDED, SAME_NODE, SAME_REGION, UPDATE, STALE_PLACEMENT }

    record Replace(SlotState slot, Why why) {
    }

    record Plan(List<Integer> add, List<SlotState> remove, List<Replace> replace) {
        boolean isEmpty() {
            return add.isEmpty() && remove.isEmpty() && replace.isEmpty();
        }
    }

    private Reconciliation() {
    }

    static Plan plan(DeploymentSpec spec, long generation, List<SlotState> slots, Map<String, Task> tasks,
                     Function<String, Node> nodes) {
        List<Replace> replace = new ArrayList<>();
        Set<Integer> replaced = new HashSet<>();
        List<SlotState> live = new ArrayList<>();
        for (SlotState slot : slots) {
            Task task = tasks.get(slot.taskId());
            if (task == null || task.status().isFinished()) {
                replace.add(new Replace(slot, Why.ENDED));
                replaced.add(slot.slot());
            } else {
                live.add(slot);
            }
        }

        // surplus slots go first: nothing is moved or updated that is about to be removed
        List<SlotState> remove = new ArrayList<>();
        int surplus = slots.size() - spec.replicas();
        if (surplus > 0) {
            List<SlotState> byRemovalOrder = new ArrayList<>(slots);
            byRemovalOrder.sort(Comparator.<SlotState>comparingInt(s -> removalRank(tasks.get(s.taskId())))
                    .thenComparingLong(SlotState::generation)
                    .thenComparing(Comparator.comparingInt(SlotState::slot).reversed()));
            remove.addAll(byRemovalOrder.subList(0, surplus));
            Set<Integer> removed = new HashSet<>();
            remove.forEach(s -> removed.add(s.slot()));
            replace.removeIf(r -> removed.contains(r.slot().slot()));
            live.removeIf(s -> removed.contains(s.slot()));
        }

        // two replicas on one node (or one region, when spread): a running one stays, else the older; the other moves
        live.sort(Comparator.comparingInt((SlotState s) -> tasks.get(s.taskId()).status() == TaskStatus.RUNNING
                ? 0 : 1).thenComparingLong(s -> taskNumber(s.taskId())));
        Map<String, SlotState> byNode = new HashMap<>();
        Map<String, SlotState> byRegion = new HashMap<>();
        for (SlotState slot : live) {
            Task task = tasks.get(slot.taskId());
            if (task.nodeId() == null || !task.status().holdsReservation()) {
                continue;
            }
            if (byNode.putIfAbsent(task.nodeId(), slot) != null) {
                replace.add(new Replace(slot, Why.SAME_NODE));
                replaced.add(slot.slot());
                continue;
            }
            Node node = nodes.apply(task.nodeId());
            if (spec.spreadRegions() && node != null && byRegion.putIfAbsent(node.region(), slot) != null) {
                replace.add(new Replace(slot, Why.SAME_REGION));
                replaced.add(slot.slot());
            }
        }

        // a rolling update: waiting replicas of an older generation at once, running ones within the budget
        int running = 0;
        for (SlotState slot : live) {
            if (!replaced.contains(slot.slot()) && tasks.get(slot.taskId()).status() == TaskStatus.RUNNING) {
                running++;
            }
        }
        int floor = spec.replicas() - spec.maxUnavailable();
        List<SlotState> outdated = new ArrayList<>();
        for (SlotState slot : live) {
            if (slot.generation() < generation && !replaced.contains(slot.slot())) {
                outdated.add(slot);
            }
        }
        outdated.sort(Comparator.comparingInt((SlotState s) -> tasks.get(s.taskId()).status() == TaskStatus.RUNNING
                ? 1 : 0).thenComparingInt(SlotState::slot));
        for (SlotState slot : outdated) {
            boolean isRunning = tasks.get(slot.taskId()).status() == TaskStatus.RUNNING;
            if (isRunning) {
                if (running - 1 < floor) {
                    continue; // wait for replacements to run before taking another one down
                }
                running--;
            }
            replace.add(new Replace(slot, Why.UPDATE));
            replaced.add(slot.slot());
        }

        // a waiting replica avoiding a node no other replica uses any more: submit it again with the current list
        Set<String> usedNodes = new HashSet<>();
        for (SlotState slot : live) {
            Task task = tasks.get(slot.taskId());
            if (!replaced.contains(slot.slot()) && task.nodeId() != null && task.status().holdsReservation()) {
                usedNodes.add(task.nodeId());
            }
        }
        for (SlotState slot : live) {
            Task task = tasks.get(slot.taskId());
            if (replaced.contains(slot.slot()) || task.status() != TaskStatus.PENDING
                    || task.spec().placement() == null) {
                continue;
            }
            if (!usedNodes.containsAll(task.spec().placement().avoidNodes())) {
                replace.add(new Replace(slot, Why.STALE_PLACEMENT));
                replaced.add(slot.slot());
            }
        }

        List<Integer> add = new ArrayList<>();
        Set<Integer> taken = new TreeSet<>();
        slots.forEach(s -> taken.add(s.slot()));
        int missing = spec.replicas() - slots.size();
        for (int n = 0; add.size() < missing; n++) {
            if (!taken.contains(n)) {
                add.add(n);
            }
        }
        return new Plan(add, remove, replace);
    }

    /** Waiting replicas are removed first, then starting ones, running ones last. */
    private static int removalRank(Task task) {
        if (task == null || task.status().isFinished() || task.status() == TaskStatus.PENDING) {
            return 0;
        }
        return task.status() == TaskStatus.ASSIGNED ? 1 : 2;
    }

    /** The number in a replica task id {@code <name>-r<number>}: younger tasks have larger numbers. */
    static long taskNumber(String taskId) {
        int r = taskId.lastIndexOf("-r");
        try {
            return r < 0 ? Long.MAX_VALUE : Long.parseLong(taskId.substring(r + 2));
        } catch (NumberFormatException notOurs) {
            return Long.MAX_VALUE;
        }
    }

    /** Nodes the replicas other than {@code except} hold now: a new replica avoids them. */
    static Set<String> nodesOfOthers(List<SlotState> slots, Map<String, Task> tasks, Set<Integer> except) {
        Set<String> nodes = new TreeSet<>();
        for (SlotState slot : slots) {
            Task task = tasks.get(slot.taskId());
            if (!except.contains(slot.slot()) && task != null && task.nodeId() != null
                    && task.status().holdsReservation()) {
                nodes.add(task.nodeId());
            }
        }
        return nodes;
    }
}
