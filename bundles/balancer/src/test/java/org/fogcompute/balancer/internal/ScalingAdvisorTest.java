package org.fogcompute.balancer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.Page;
import org.fogcompute.api.balancing.ScalingEvent.Direction;
import org.junit.jupiter.api.Test;

/** Advisor thresholds at and around their boundaries, and its bounded history. */
class ScalingAdvisorTest {
    private final ScalingRules rules = ScalingRules.DEFAULT;

    @Test
    void scaleUpAboveEightyCpuOrEightyFiveMemory() {
        assertThat(rules.evaluate(80.0, 50, 5)).isEmpty();
        assertThat(rules.evaluate(80.01, 50, 5)).contains(Direction.SCALE_UP);
        assertThat(rules.evaluate(50, 85.0, 5)).isEmpty();
        assertThat(rules.evaluate(50, 85.01, 5)).contains(Direction.SCALE_UP);
        assertThat(rules.evaluate(90, 10, 1)).contains(Direction.SCALE_UP);
    }

    @Test
    void scaleDownBelowThirtyCpuAndFiftyMemoryWithMoreThanTwoNodes() {
        assertThat(rules.evaluate(29.99, 49.99, 3)).contains(Direction.SCALE_DOWN);
        assertThat(rules.evaluate(30.0, 49.99, 3)).isEmpty();
        assertThat(rules.evaluate(29.99, 50.0, 3)).isEmpty();
        assertThat(rules.evaluate(29.99, 49.99, 2)).isEmpty();
        assertThat(rules.evaluate(0, 0, 0)).isEmpty();
    }

    @Test
    void theAdvisorAveragesNodesThatAreNotOfflineAndKeepsABoundedHistory() {
        List<Node> fleet = new ArrayList<>();
        fleet.add(node("a", NodeStatus.ACTIVE, 95, 40));
        fleet.add(node("b", NodeStatus.ACTIVE, 85, 40));
        fleet.add(node("gone", NodeStatus.OFFLINE, 0, 0));
        ScalingAdvisorComponent advisor = new ScalingAdvisorComponent(registry(fleet), rules, 3, new MutableClock(),
                Executors.newSingleThreadScheduledExecutor());
        assertThat(advisor.evaluate()).hasValueSatisfying(event -> {
            assertThat(event.direction()).isEqualTo(Direction.SCALE_UP);
            assertThat(event.averageCpuPercent()).isEqualTo(90.0);
            assertThat(event.nodes()).isEqualTo(2);
        });
        for (int i = 0; i < 5; i++) {
            advisor.evaluate();
        }
        assertThat(advisor.events()).hasSize(3);
    }

    private static Node node(String id, NodeStatus status, double cpu, double memory) {
        return new Node(NodeSpec.builder(id).build(), status, new NodeMetrics(cpu, memory, 100, 0), 0, 0, 0, 0, 0,
                Instant.EPOCH, Instant.EPOCH);
    }

    private static NodeRegistry registry(List<Node> fleet) {
        return (NodeRegistry) Proxy.newProxyInstance(ScalingAdvisorTest.class.getClassLoader(),
                new Class<?>[] {NodeRegistry.class}, (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                        NodeQuery query = (NodeQuery) args[0];
                        return Page.of(fleet, n -> true, query.offset(), query.limit());
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
