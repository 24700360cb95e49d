package org.fogcompute.webconsole.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.TopologySnapshot;
import org.junit.jupiter.api.Test;

class OverviewPageTest {
    @Test
    void theFeedIsJsonWithOneSeriesPerStatusAndTheThroughput() throws Exception {
        TopologySnapshot first = snapshot(Map.of(NodeStatus.ACTIVE, 3), 3);
        TopologySnapshot second = snapshot(Map.of(NodeStatus.ACTIVE, 2, NodeStatus.OFFLINE, 1), 3);
        List<FleetSampler.Sample> samples = List.of(new FleetSampler.Sample(1_000, first, 0),
                new FleetSampler.Sample(3_000, second, 12.345));

        JsonNode json = new ObjectMapper().readTree(OverviewPage.overviewJson(second, samples));

        assertThat(json.get("nodes").asInt()).isEqualTo(3);
        assertThat(json.get("byStatus").get("OFFLINE").asInt()).isEqualTo(1);
        assertThat(json.get("byType").get("GATEWAY").asInt()).isZero();
        JsonNode series = json.get("series");
        assertThat(series.get("time").toString()).isEqualTo("[1.0,3.0]");
        assertThat(series.get("ACTIVE").toString()).isEqualTo("[3,2]");
        assertThat(series.get("OFFLINE").toString()).isEqualTo("[0,1]");
        assertThat(series.get("routedPerSecond").toString()).isEqualTo("[0.0,12.3]");
        for (NodeStatus status : NodeStatus.values()) {
            assertThat(series.get(status.name())).hasSize(2);
        }
    }

    @Test
    void anEmptyHistoryGivesEmptySeries() throws Exception {
        JsonNode json = new ObjectMapper().readTree(OverviewPage.overviewJson(snapshot(Map.of(), 0), List.of()));

        assertThat(json.get("series").get("time")).isEmpty();
    }

    @Test
    void regionsSumTheirNodesCapacityAndThoseTakingWork() {
        Node active = node("a", "eu-west", NodeStatus.ACTIVE, 4, 4096);
        Node maintenance = node("b", "eu-west", NodeStatus.MAINTENANCE, 2, 1024);
        Node other = node("c", "ap-south", NodeStatus.IDLE, 8, 8192);

        Map<String, OverviewPage.RegionSummary> regions = OverviewPage.byRegion(List.of(active, maintenance, other));

        assertThat(regions.keySet()).containsExactly("ap-south", "eu-west");
        OverviewPage.RegionSummary euWest = regions.get("eu-west");
        assertThat(euWest.nodes).isEqualTo(2);
        assertThat(euWest.acceptingWork).isEqualTo(1);
        assertThat(euWest.totalCpu).isEqualTo(6);
        assertThat(euWest.totalMemoryMb).isEqualTo(5120);
    }

    private static Node node(String id, String region, NodeStatus status, int cpus, long memoryMb) {
        return new Node(NodeSpec.builder(id).region(region).capacity(cpus, memoryMb).build(), status,
                new NodeMetrics(0, 0, 100, 0), 0, 0, 0, 0, 0, Instant.EPOCH, null);
    }

    private static TopologySnapshot snapshot(Map<NodeStatus, Integer> byStatus, int nodes) {
        return new TopologySnapshot(Instant.parse("2026-11-26T12:00:00Z"), nodes, byStatus,
                Map.of(NodeType.EDGE_DEVICE, nodes), 8, 4, 8192, 4096, 1, 2, 0);
    }
}
