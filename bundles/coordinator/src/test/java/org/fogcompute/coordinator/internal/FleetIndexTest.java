package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fogcompute.api.FogException;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.NodeOrder;
import org.junit.jupiter.api.Test;

/**
 * The routing indexes stay in step with the registry through random registrations, removals, heartbeats, task
 * placements and completions, and the indexed views agree with a plain sort of the same nodes.
 */
class FleetIndexTest {

    @Test
    void indexesStayConsistentAndAgreeWithAPlainSortThroughRandomOperations() {
        Fleet fleet = new Fleet();
        Coordinator coordinator = fleet.coordinator;
        SplittableRandom random = new SplittableRandom(7);
        List<String> live = new ArrayList<>();
        for (int step = 0; step < 3000; step++) {
            int op = random.nextInt(10);
            try {
                if (op < 3 || live.isEmpty()) {
                    String id = "n" + step;
                    coordinator.register(node(id, 1 + random.nextInt(8), 512L << random.nextInt(5))
                            .region("r" + random.nextInt(3)).onionCapable(random.nextBoolean())
                            .reputation(random.nextDouble()).build());
                    live.add(id);
                } else if (op == 3) {
                    coordinator.unregister(live.remove(random.nextInt(live.size())));
                } else if (op < 6) {
                    coordinator.heartbeat(live.get(random.nextInt(live.size())), new NodeMetrics(
                            random.nextInt(101), random.nextInt(101), 100, random.nextInt(20)));
                } else if (op < 9) {
                    coordinator.submit(task("t" + step, 1 + random.nextInt(3), 256L << random.nextInt(3))
                            .strategy(List.of("round-robin", "least-loaded", "affinity", "proximity",
                                    "privacy-aware").get(random.nextInt(5)))
                            .minReputation(random.nextInt(3) * 0.35)
                            .preferredRegion("r" + random.nextInt(3)).build());
                } else {
                    List<Task> running = coordinator.list(new org.fogcompute.api.TaskQuery(TaskStatus.ASSIGNED,
                            null, 0, 100)).items();
                    if (!running.isEmpty()) {
                        coordinator.complete(running.get(random.nextInt(running.size())).id());
                    }
                }
                fleet.clock.advance(Duration.ofMillis(random.nextInt(2000)));
            } catch (FogException e) {
                throw new AssertionError("step " + step + " failed", e);
            }
        }
        assertThat(coordinator.indexInconsistencies()).isEmpty();

        List<Node> nodes = coordinator.list(NodeQuery.ALL).items();
        FleetIndex index = new FleetIndex();
        long sequence = 0;
        for (Node node : nodes) {
            NodeEntry entry = new NodeEntry(sequence++, node.spec(), node.registeredAt(), 30_000);
            entry.metrics = node.metrics();
            entry.reservedCpu = node.reservedCpu();
            entry.reservedMemoryMb = node.reservedMemoryMb();
            entry.refresh();
            index.add(entry);
        }
        assertThat(index.inconsistencies()).isEmpty();
        assertThat(ids(new FleetView(index).forTask(task("probe", 1, 256).minReputation(0.35).build())
                .eligibleInRotationAfter(nodes.get(0)))).as("a rotation that has something to show").hasSizeGreaterThan(3);
        for (int probeIndex = 0; probeIndex < 8; probeIndex++) {
            double floor = new double[] {0, 0.35, 0.7, 0.95}[probeIndex % 4];
            int cores = 1 + probeIndex / 4 * 2; // 1 and 3: best fit skips the nodes with too few cpus free
            var probe = task("probe", cores, 256).minReputation(floor).build();
            FleetView indexed = new FleetView(index).forTask(probe);
            Candidates plain = Candidates.of(probe, nodes);
            for (NodeOrder order : NodeOrder.values()) {
                assertThat(ids(indexed.eligible(order))).as(order + ", " + cores + " cores, floor " + floor)
                        .isEqualTo(ids(plain.eligible(order)));
                assertThat(ids(indexed.eligibleInRegion("r1", order))).as(order + " in r1, floor " + floor)
                        .isEqualTo(ids(plain.eligibleInRegion("r1", order)));
            }
            for (long memory : new long[] {0, 256, 1024, 1025}) {
                assertThat(ids(indexed.eligibleWithFreeMemory(memory)))
                        .as(memory + " MB free, " + cores + " cores, floor " + floor)
                        .isEqualTo(ids(plain.eligibleWithFreeMemory(memory)));
            }
            Node unregistered = new Node(node("unregistered", 1, 512).build(), NodeStatus.ACTIVE, NodeMetrics.IDLE,
                    0, 0, 0, 0, 0, Instant.EPOCH, Instant.EPOCH);
            List<Node> starts = new ArrayList<>(List.of(nodes.get(0), nodes.get(nodes.size() / 2),
                    nodes.get(nodes.size() - 1), unregistered));
            starts.add(null);
            for (Node start : starts) {
                assertThat(ids(indexed.eligibleInRotationAfter(start)))
                        .as("rotation after " + (start == null ? "nothing" : start.id()) + ", floor " + floor)
                        .isEqualTo(ids(plain.eligibleInRotationAfter(start)));
            }
        }
    }

    private static List<String> ids(Iterable<Node> nodes) {
        List<String> ids = new ArrayList<>();
        nodes.forEach(n -> ids.add(n.id()));
        return ids;
    }
}
