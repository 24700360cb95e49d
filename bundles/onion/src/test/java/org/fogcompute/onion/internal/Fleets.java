package org.fogcompute.onion.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;

/** Relays for tests: random fleets and hand-made nodes. */
final class Fleets {
    private Fleets() {
    }

    static Node relay(String id, String region, String operator, double reputation, double uptime, boolean exit,
                      double bandwidth, NodeStatus status) {
        Map<String, String> labels = new HashMap<>();
        labels.put("operator", operator);
        labels.put("bandwidth.mbps", Double.toString(bandwidth));
        if (exit) {
            labels.put("onion.exit", "true");
        }
        NodeSpec spec = new NodeSpec(id, NodeType.RELAY_NODE, NodeStatus.ACTIVE, new Capacity(2, 2048, 1000, 0),
                region, null, null, 0, labels, true, reputation);
        return new Node(spec, status, new NodeMetrics(10, 10, uptime, 0), 0, 0, 0, 0, 0, Instant.EPOCH,
                Instant.EPOCH);
    }

    static Node relay(String id, String region, String operator, double reputation, boolean exit) {
        return relay(id, region, operator, reputation, 99, exit, 10, NodeStatus.ACTIVE);
    }

    /**
     * A random fleet: {@code n} nodes in {@code regions} regions run by {@code operators} operators, half of them
     * onion-capable, a fifth of those exits, reputations and uptimes spread out, a few down.
     */
    static List<Node> random(int n, int regions, int operators, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Node> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            NodeStatus status = random.nextInt(20) == 0 ? NodeStatus.SUSPECT : NodeStatus.ACTIVE;
            Node relay = relay("n" + i, "r" + random.nextInt(regions), "op" + random.nextInt(operators),
                    random.nextDouble(), 80 + random.nextDouble() * 20, random.nextInt(5) == 0,
                    1 + random.nextInt(1000), status);
            if (random.nextBoolean()) {
                nodes.add(relay);
            } else {
                NodeSpec spec = relay.spec();
                nodes.add(new Node(new NodeSpec(spec.id(), spec.type(), spec.status(), spec.capacity(), spec.region(),
                        null, null, 0, spec.labels(), false, spec.reputation()), status, relay.metrics(), 0, 0, 0, 0,
                        0, Instant.EPOCH, Instant.EPOCH));
            }
        }
        return nodes;
    }
}
