package org.fogcompute.balancer.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.junit.jupiter.api.Test;

/** The balancer's consistent hashing and least-connections offered to task routing. */
class RoutingFromAlgorithmsTest {

    private static Node node(String id, int activeTasks) {
        return new Node(NodeSpec.builder(id).capacity(new Capacity(8, 8192, 1000, 0)).build(), NodeStatus.ACTIVE,
                NodeMetrics.IDLE, activeTasks, activeTasks * 128L, activeTasks, 0, 0, Instant.EPOCH, Instant.EPOCH);
    }

    private static List<Node> fleet(int size) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(node("n" + i, 0));
        }
        return nodes;
    }

    @Test
    void consistentHashKeepsAJobsTasksOnOneNodeAndMovesFewJobsWhenANodeLeaves() {
        ConsistentHashRouting routing = new ConsistentHashRouting();
        List<Node> nodes = fleet(50);
        Map<String, String> before = new HashMap<>();
        for (int job = 0; job < 1000; job++) {
            TaskSpec task = TaskSpec.builder().id("t-" + job).jobId("job-" + job).build();
            String chosen = routing.select(task, Candidates.of(task, nodes)).id();
            TaskSpec again = TaskSpec.builder().id("other-" + job).jobId("job-" + job).build();
            assertThat(routing.select(again, Candidates.of(again, nodes)).id()).isEqualTo(chosen);
            before.put("job-" + job, chosen);
        }
        assertThat(before.values().stream().distinct().count()).as("spread over the fleet").isGreaterThan(40);

        List<Node> without = new ArrayList<>(nodes);
        without.remove(7);
        int moved = 0;
        for (int job = 0; job < 1000; job++) {
            TaskSpec task = TaskSpec.builder().id("t-" + job).jobId("job-" + job).build();
            String chosen = routing.select(task, Candidates.of(task, without)).id();
            if (!chosen.equals(before.get("job-" + job))) {
                moved++;
                assertThat(before.get("job-" + job)).as("only the leaver's jobs move").isEqualTo("n7");
            }
        }
        assertThat(moved).isBetween(5, 60); // about 1/50 of 1000
    }

    @Test
    void consistentHashSpreadsKeysEvenlyAndANewcomerTakesOnlyItsShare() {
        List<Node> nodes = fleet(20);
        Map<String, String> before = new HashMap<>();
        Map<String, Integer> share = new HashMap<>();
        ConsistentHashRouting routing = new ConsistentHashRouting();
        for (int key = 0; key < 20_000; key++) {
            TaskSpec task = TaskSpec.builder().id("task-" + key).build();
            String chosen = routing.select(task, Candidates.of(task, nodes)).id();
            before.put(task.id(), chosen);
            share.merge(chosen, 1, Integer::sum);
        }
        assertThat(share).hasSize(20);
        assertThat(share.values()).allSatisfy(count -> assertThat(count).as("about 1,000 keys each").isBetween(500, 1700));

        List<Node> grown = new ArrayList<>(nodes);
        grown.add(node("newcomer", 0));
        ConsistentHashRouting afterJoin = new ConsistentHashRouting(); // a fresh ring: the join is not rate-limited
        int moved = 0;
        for (int key = 0; key < 20_000; key++) {
            TaskSpec task = TaskSpec.builder().id("task-" + key).build();
            String chosen = afterJoin.select(task, Candidates.of(task, grown)).id();
            if (!chosen.equals(before.get(task.id()))) {
                moved++;
                assertThat(chosen).as("keys move only to the newcomer").isEqualTo("newcomer");
            }
        }
        assertThat(moved).isBetween(400, 1800); // about 1/21 of 20,000
    }

    @Test
    void consistentHashSkipsIneligibleNodesAndFindsAJustJoinedOneWhenNothingElseFits() {
        ConsistentHashRouting routing = new ConsistentHashRouting();
        TaskSpec big = TaskSpec.builder().id("big").requirements(16, 256).build();
        List<Node> small = fleet(10);
        assertThat(routing.select(big, Candidates.of(big, small))).as("no node has 16 cpus").isNull();
        List<Node> withLarge = new ArrayList<>(small);
        withLarge.add(new Node(NodeSpec.builder("large").capacity(new Capacity(32, 65536, 1000, 0)).build(),
                NodeStatus.ACTIVE, NodeMetrics.IDLE, 0, 0, 0, 0, 0, Instant.EPOCH, Instant.EPOCH));
        assertThat(routing.select(big, Candidates.of(big, withLarge)).id())
                .as("the ring was built a moment ago, but a decision that finds nothing rebuilds it").isEqualTo("large");
        TaskSpec small1 = TaskSpec.builder().id("small").build();
        assertThat(routing.select(small1, Candidates.of(small1, withLarge))).isNotNull();
    }

    @Test
    void leastConnectionsPrefersTheNodeRunningFewerTasks() {
        LeastConnectionsRouting routing = new LeastConnectionsRouting();
        List<Node> nodes = List.of(node("busy", 7), node("idle", 0));
        TaskSpec task = TaskSpec.builder().id("t").build();
        for (int i = 0; i < 50; i++) {
            assertThat(routing.select(task, Candidates.of(task, nodes)).id()).isEqualTo("idle");
        }
        List<Node> one = List.of(node("only", 3));
        assertThat(routing.select(task, Candidates.of(task, one)).id()).as("one node: the ordered walk")
                .isEqualTo("only");
        assertThat(routing.select(task, Candidates.of(task, List.of()))).isNull();
    }
}
