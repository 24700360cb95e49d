package org.fogcompute.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.junit.jupiter.api.Test;

/** Each built-in strategy on hand-made candidate lists. */
class StrategiesTest {
    private static final TaskSpec TASK = TaskSpec.builder().requirements(1, 256).build();

    private static Node node(NodeSpec.Builder spec, double cpuPercent, int reservedCpu, int circuits) {
        return new Node(spec.build(), NodeStatus.ACTIVE, new NodeMetrics(cpuPercent, 0, 100, circuits), reservedCpu,
                0, 0, 0, 0, Instant.EPOCH, Instant.EPOCH);
    }

    private static Node node(String id, double cpuPercent) {
        return node(NodeSpec.builder(id).capacity(4, 4096), cpuPercent, 0, 0);
    }

    @Test
    void roundRobinCyclesInOrder() {
        List<Node> candidates = List.of(node("a", 0), node("b", 0), node("c", 0));
        RoundRobinStrategy strategy = new RoundRobinStrategy();
        assertThat(List.of(1, 2, 3, 4).stream().map(i -> strategy.select(TASK, Candidates.of(TASK, candidates)).id()))
                .containsExactly("a", "b", "c", "a");
    }

    @Test
    void leastLoadedUsesReportedCpuButNeverLessThanTheReservedShare() {
        assertThat(new LeastLoadedStrategy().select(TASK, Candidates.of(TASK, List.of(node("busy", 50), node("idle", 0),
                node("light", 10)))).id()).isEqualTo("idle");
        Node reportedIdleButReserved = node(NodeSpec.builder("reserved").capacity(4, 4096), 0, 3, 0);
        assertThat(new LeastLoadedStrategy().select(TASK, Candidates.of(TASK, List.of(reportedIdleButReserved, node("light", 10)))).id())
                .isEqualTo("light");
    }

    @Test
    void affinityPrefersTightFitAndSparesGpus() {
        Node tightGpu = node(NodeSpec.builder("tight-gpu").capacity(new Capacity(1, 256, 1000, 1)), 0, 0, 0);
        Node tight = node(NodeSpec.builder("tight").capacity(2, 512), 0, 0, 0);
        Node loose = node(NodeSpec.builder("loose").capacity(16, 16384), 0, 0, 0);
        assertThat(new AffinityStrategy().select(TASK, Candidates.of(TASK, List.of(loose, tightGpu, tight))).id()).isEqualTo("tight");
        assertThat(new AffinityStrategy().select(TASK, Candidates.of(TASK, List.of(tightGpu))).id()).isEqualTo("tight-gpu");
        TaskSpec gpuTask = TaskSpec.builder().requirements(1, 256).gpu(true).build();
        assertThat(new AffinityStrategy().select(gpuTask, Candidates.of(gpuTask, List.of(loose, tightGpu))).id()).isEqualTo("tight-gpu");
    }

    @Test
    void proximityFallsBackToLeastLoadedWithoutLocations() {
        TaskSpec inEu = TaskSpec.builder().preferredRegion("eu").build();
        Node euBusy = node(NodeSpec.builder("eu-busy").region("eu"), 90, 0, 0);
        Node euIdle = node(NodeSpec.builder("eu-idle").region("eu"), 5, 0, 0);
        Node usIdle = node(NodeSpec.builder("us-idle").region("us"), 0, 0, 0);
        assertThat(new ProximityStrategy().select(inEu, Candidates.of(inEu, List.of(euBusy, usIdle, euIdle))).id()).isEqualTo("eu-idle");
        assertThat(new ProximityStrategy().select(TASK, Candidates.of(TASK, List.of(euBusy, usIdle, euIdle))).id()).isEqualTo("us-idle");
    }

    @Test
    void privacyAwareBreaksReputationTiesByFewestCircuitsAndDeclinesWithoutOnionNodes() {
        Node many = node(NodeSpec.builder("many").onionCapable(true).reputation(0.9), 0, 0, 40);
        Node few = node(NodeSpec.builder("few").onionCapable(true).reputation(0.9), 0, 0, 3);
        Node plain = node(NodeSpec.builder("plain").reputation(1.0), 0, 0, 0);
        assertThat(new PrivacyAwareStrategy().select(TASK, Candidates.of(TASK, List.of(many, plain, few))).id()).isEqualTo("few");
        assertThat(new PrivacyAwareStrategy().select(TASK, Candidates.of(TASK, List.of(plain)))).isNull();
    }
}
