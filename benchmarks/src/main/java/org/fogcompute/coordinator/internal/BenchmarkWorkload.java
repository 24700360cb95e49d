package org.fogcompute.coordinator.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.routing.internal.AffinityStrategy;
import org.fogcompute.routing.internal.LeastLoadedStrategy;
import org.fogcompute.routing.internal.PrivacyAwareStrategy;
import org.fogcompute.routing.internal.ProximityStrategy;
import org.fogcompute.routing.internal.RoundRobinStrategy;

/**
 * The benchmark workload of SPEC §14 with a fixed seed: nodes with cpu from {1,2,4,8,16}, memory from
 * {512..16384} MB, 20 % GPU, 50 % onion-capable, six regions with plausible coordinates, cpu and memory use 0–100 %,
 * 0–100 circuits; tasks needing 1, 1 or 2 cpu and 256, 512 or 1024 MB with a random preferred region.
 */
public final class BenchmarkWorkload {
    static final String[] REGIONS = {"us-east", "us-west", "eu-west", "eu-central", "ap-south", "ap-northeast"};
    private static final double[][] CENTRES = {{39.0, -77.5}, {37.4, -122.1}, {53.3, -6.3}, {50.1, 8.7},
            {19.1, 72.9}, {35.7, 139.7}};
    private static final int[] CPUS = {1, 2, 4, 8, 16};
    private static final long[] MEMORY = {512, 1024, 2048, 4096, 8192, 16384};
    private static final int[] TASK_CPUS = {1, 1, 2};
    private static final long[] TASK_MEMORY = {256, 512, 1024};

    private BenchmarkWorkload() {
    }

    static RoutingStrategyRegistry builtInStrategies() {
        RoutingStrategyRegistry strategies = new RoutingStrategyRegistry(LeastLoadedStrategy.NAME);
        strategies.add(RoundRobinStrategy.NAME, new RoundRobinStrategy());
        strategies.add(LeastLoadedStrategy.NAME, new LeastLoadedStrategy());
        strategies.add(AffinityStrategy.NAME, new AffinityStrategy());
        strategies.add(ProximityStrategy.NAME, new ProximityStrategy());
        strategies.add(PrivacyAwareStrategy.NAME, new PrivacyAwareStrategy());
        // the load balancer's algorithms offered to task routing
        strategies.add(org.fogcompute.balancer.algorithms.ConsistentHashRouting.NAME,
                new org.fogcompute.balancer.algorithms.ConsistentHashRouting());
        strategies.add(org.fogcompute.balancer.algorithms.LeastConnectionsRouting.NAME,
                new org.fogcompute.balancer.algorithms.LeastConnectionsRouting());
        return strategies;
    }

    static Coordinator coordinator() {
        return coordinator(Clock.systemUTC());
    }

    static Coordinator coordinator(Clock clock) {
        return new Coordinator(CoordinatorSettings.DEFAULTS, clock, builtInStrategies(), EventSink.NONE);
    }

    /** How long a node may be silent before the coordinator declares it offline. */
    public static java.time.Duration heartbeatTimeout() {
        return CoordinatorSettings.DEFAULTS.heartbeatTimeout();
    }

    static List<NodeSpec> nodes(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NodeSpec> nodes = new ArrayList<>(count);
        NodeType[] types = NodeType.values();
        for (int i = 0; i < count; i++) {
            int region = random.nextInt(REGIONS.length);
            nodes.add(NodeSpec.builder("node-" + i)
                    .type(types[random.nextInt(types.length)])
                    .capacity(new Capacity(CPUS[random.nextInt(CPUS.length)], MEMORY[random.nextInt(MEMORY.length)],
                            102_400, random.nextInt(5) == 0 ? 1 : 0))
                    .region(REGIONS[region])
                    .location(CENTRES[region][0] + random.nextDouble(-3, 3), CENTRES[region][1] + random.nextDouble(-3, 3))
                    .onionCapable(random.nextBoolean())
                    .reputation(random.nextDouble())
                    .build());
        }
        return nodes;
    }

    static NodeMetrics metrics(SplittableRandom random) {
        return new NodeMetrics(random.nextDouble(0, 100), random.nextDouble(0, 100), 99.0, random.nextInt(101));
    }

    /** Registers the fleet and gives every node a first heartbeat with random load. */
    public static Coordinator fleet(int count, long seed) {
        return fleet(count, seed, Clock.systemUTC());
    }

    /** The same fleet on a coordinator that reads the time from {@code clock}. */
    public static Coordinator fleet(int count, long seed, Clock clock) {
        Coordinator coordinator = coordinator(clock);
        coordinator.registerAll(nodes(count, seed));
        SplittableRandom random = new SplittableRandom(seed + 1);
        for (int i = 0; i < count; i++) {
            coordinator.heartbeat("node-" + i, metrics(random));
        }
        return coordinator;
    }

    /**
     * The routing indexes over {@code count} workload nodes with random reported load; {@code adjust} may change an
     * entry (its allocation, say) before it is filed.
     */
    static FleetIndex index(int count, java.util.function.Consumer<NodeEntry> adjust) {
        FleetIndex index = new FleetIndex();
        SplittableRandom random = new SplittableRandom(43);
        java.time.Instant now = java.time.Instant.now();
        long sequence = 0;
        for (NodeSpec spec : nodes(count, 42)) {
            NodeEntry entry = new NodeEntry(sequence++, spec, now, 30_000);
            entry.metrics = metrics(random);
            adjust.accept(entry);
            entry.refresh();
            index.add(entry);
        }
        return index;
    }

    public static TaskSpec[] tasks(int count, String strategy, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TaskSpec[] tasks = new TaskSpec[count];
        for (int i = 0; i < count; i++) {
            tasks[i] = TaskSpec.builder().id("task-" + i)
                    .requirements(TASK_CPUS[random.nextInt(TASK_CPUS.length)],
                            TASK_MEMORY[random.nextInt(TASK_MEMORY.length)])
                    .preferredRegion(REGIONS[random.nextInt(REGIONS.length)])
                    .strategy(strategy)
                    .build();
        }
        return tasks;
    }
}
