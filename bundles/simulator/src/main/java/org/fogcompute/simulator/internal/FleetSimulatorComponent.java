package org.fogcompute.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskQuery;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.FogException;
import org.fogcompute.simulator.FleetSimulator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated nodes heartbeat every second with random load; each tick they start their ASSIGNED tasks and complete
 * about a third of their RUNNING ones. Stopping (or stopping the bundle) unregisters every simulated node.
 */
@Component(property = {"fog.service.name=simulator", "fog.service.critical=false"}, service = FleetSimulator.class)
public class FleetSimulatorComponent implements FleetSimulator {
    static final String PREFIX = "sim-";
    private static final String[] REGIONS = {"us-east", "us-west", "eu-west", "eu-central", "ap-south", "ap-northeast"};
    private static final double[][] LOCATIONS = {{39.0, -77.5}, {37.4, -122.1}, {53.3, -6.3}, {50.1, 8.7},
            {19.1, 72.9}, {35.7, 139.7}};

    private final Logger log = LoggerFactory.getLogger(FleetSimulatorComponent.class);
    private final NodeRegistry registry;
    private final TaskService tasks;
    private final SplittableRandom random = new SplittableRandom(42);
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private ScheduledExecutorService scheduler;
    private volatile List<String> nodeIds = List.of();

    @Activate
    public FleetSimulatorComponent(@Reference NodeRegistry registry, @Reference TaskService tasks) {
        this.registry = registry;
        this.tasks = tasks;
    }

    @Override
    public synchronized Status start(int nodeCount) {
        if (nodeCount < 1 || nodeCount > 10_000) {
            throw new IllegalArgumentException("--nodes must be within 1..10000, got " + nodeCount);
        }
        if (scheduler != null) {
            throw new IllegalStateException("a simulation of " + nodeIds.size() + " nodes is already running; "
                    + "stop it first (fog:simulate --stop)");
        }
        List<NodeSpec> specs = new ArrayList<>(nodeCount);
        for (int i = 1; i <= nodeCount; i++) {
            int region = random.nextInt(REGIONS.length);
            specs.add(NodeSpec.builder(PREFIX + i)
                    .type(NodeType.values()[random.nextInt(NodeType.values().length)])
                    .capacity(new Capacity(1 << random.nextInt(5), 512L << random.nextInt(6), 10_240,
                            random.nextInt(5) == 0 ? 1 : 0))
                    .region(REGIONS[region])
                    .location(LOCATIONS[region][0] + random.nextDouble(-2, 2),
                            LOCATIONS[region][1] + random.nextDouble(-2, 2))
                    .onionCapable(random.nextBoolean())
                    .reputation(0.5 + random.nextDouble() / 2)
                    .labels(Map.of("simulated", "true"))
                    .build());
        }
        registry.registerAll(specs);
        nodeIds = specs.stream().map(NodeSpec::id).toList();
        heartbeats.set(0);
        started.set(0);
        completed.set(0);
        ThreadFactory threads = Executors.defaultThreadFactory();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = threads.newThread(runnable);
            thread.setName("fog-simulator");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        log.info("Simulation of {} nodes started", nodeCount);
        return status();
    }

    @Override
    public synchronized Status stop() {
        if (scheduler == null) {
            return status();
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        for (String id : nodeIds) {
            try {
                registry.unregister(id);
            } catch (NotFoundException e) {
                // removed by an operator meanwhile
            }
        }
        Status last = new Status(false, nodeIds.size(), heartbeats.get(), started.get(), completed.get());
        nodeIds = List.of();
        log.info("Simulation stopped");
        return last;
    }

    @Override
    public synchronized Status status() {
        return new Status(scheduler != null, nodeIds.size(), heartbeats.get(), started.get(), completed.get());
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    private void tick() {
        try {
            for (String id : currentNodeIds()) {
                heartbeat(id);
            }
            for (Task task : tasks.list(new TaskQuery(TaskStatus.ASSIGNED, null, 0, 10_000)).items()) {
                if (isSimulated(task.nodeId())) {
                    tasks.start(task.id());
                    started.incrementAndGet();
                }
            }
            for (Task task : tasks.list(new TaskQuery(TaskStatus.RUNNING, null, 0, 10_000)).items()) {
                if (isSimulated(task.nodeId()) && random.nextInt(3) == 0) {
                    tasks.complete(task.id());
                    completed.incrementAndGet();
                }
            }
        } catch (FogException e) {
            // a task or node changed under us (cancelled, removed): the next tick sees the new state
            log.debug("Simulation step skipped: {}", e.getMessage());
        }
    }

    private void heartbeat(String id) {
        try {
            registry.heartbeat(id, new NodeMetrics(random.nextDouble(0, 100), random.nextDouble(0, 100), 99.9,
                    random.nextInt(10)));
            heartbeats.incrementAndGet();
        } catch (NotFoundException e) {
            // removed by an operator: nothing to simulate for it
        }
    }

    private List<String> currentNodeIds() {
        return nodeIds;
    }

    private static boolean isSimulated(String nodeId) {
        return nodeId != null && nodeId.startsWith(PREFIX);
    }
}
