package org.fogcompute.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.FogException;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskQuery;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.pools.SharedScheduler;
import org.fogcompute.simulator.FleetSimulator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated nodes heartbeat every second with random load and run the tasks routed to them. Each node has hidden
 * truths the schedulers must learn: a speed (a run takes the task type's base time, 2 to 8 s by type, times the
 * node's factor, 0.5 to 4, with some noise) and a failure rate (most nodes 1 %, one in six 30 %). Each tick they
 * start their ASSIGNED tasks, and complete or fail the RUNNING ones whose time is up. Everything is drawn from a fixed
 * seed, so a simulation is repeatable. One node in three is a phone or tablet that opted in to harvest, on a day and
 * night cycle (see {@link SimulatedDevice}), reporting battery, charging, heat, network, user and local hour.
 * Stopping (or stopping the bundle) unregisters every simulated node.
 */
@Component(property = {"fog.service.name=simulator", "fog.service.critical=false"}, service = FleetSimulator.class)
public class FleetSimulatorComponent implements FleetSimulator {
    static final String PREFIX = "sim-";
    private static final String[] REGIONS = {"us-east", "us-west", "eu-west", "eu-central", "ap-south", "ap-northeast"};
    /** Each region's offset from UTC, for its devices' local hours. */
    private static final int[] UTC_OFFSETS = {-5, -8, 0, 1, 5, 9};
    private static final double[][] LOCATIONS = {{39.0, -77.5}, {37.4, -122.1}, {53.3, -6.3}, {50.1, 8.7},
            {19.1, 72.9}, {35.7, 139.7}};

    private final Logger log = LoggerFactory.getLogger(FleetSimulatorComponent.class);
    private final NodeRegistry registry;
    private final TaskService tasks;
    private final SharedScheduler lanes;
    private final SplittableRandom random = new SplittableRandom(42);
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private ScheduledExecutorService scheduler;
    private volatile List<String> nodeIds = List.of();
    /** Hidden truths per simulated node: speed factor and failure rate. */
    private final Map<String, double[]> truths = new ConcurrentHashMap<>();
    /** The simulated devices by node id; the other nodes are servers without telemetry. */
    private final Map<String, SimulatedDevice> devices = new ConcurrentHashMap<>();
    /** Simulated UTC hour of the current tick: the simulation starts at 20:00 UTC. */
    private double utcHour;
    /** Running tasks: when their run ends, and whether it succeeds. */
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    private record Run(long endsAtMillis, boolean succeeds, String nodeId) {
    }

    @Activate
    public FleetSimulatorComponent(@Reference NodeRegistry registry, @Reference TaskService tasks,
                                   @Reference SharedScheduler lanes) {
        this.lanes = lanes;
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
        devices.clear();
        utcHour = 20;
        for (int i = 1; i <= nodeCount; i++) {
            int region = random.nextInt(REGIONS.length);
            boolean device = i % 3 == 0;
            NodeSpec.Builder spec = NodeSpec.builder(PREFIX + i)
                    .region(REGIONS[region])
                    .location(LOCATIONS[region][0] + random.nextDouble(-2, 2),
                            LOCATIONS[region][1] + random.nextDouble(-2, 2))
                    .onionCapable(random.nextBoolean())
                    .reputation(0.5 + random.nextDouble() / 2)
                    // a documentation range (RFC 5737): the replicas it runs have an endpoint to show
                    .address("192.0.2." + (i % 254 + 1), 7000);
            if (device) {
                // a phone (4 GB) or a tablet (8 GB) with 4 or 8 cores
                spec.type(NodeType.EDGE_DEVICE)
                        .capacity(new Capacity(4 << random.nextInt(2), 4096L << random.nextInt(2), 10_240, 0))
                        .labels(Map.of("simulated", "true", "harvest", "true"));
                devices.put(PREFIX + i, new SimulatedDevice(UTC_OFFSETS[region], random));
            } else {
                spec.type(NodeType.values()[random.nextInt(NodeType.values().length)])
                        .capacity(new Capacity(1 << random.nextInt(5), 512L << random.nextInt(6), 10_240,
                                random.nextInt(5) == 0 ? 1 : 0))
                        .labels(Map.of("simulated", "true"));
            }
            specs.add(spec.build());
        }
        registry.registerAll(specs);
        nodeIds = specs.stream().map(NodeSpec::id).toList();
        truths.clear();
        runs.clear();
        for (String id : nodeIds) {
            truths.put(id, new double[] {0.5 * Math.pow(8, random.nextDouble()), random.nextInt(6) == 0 ? 0.3 : 0.01});
        }
        heartbeats.set(0);
        started.set(0);
        completed.set(0);
        scheduler = lanes.lane("simulator");
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
        Status last = new Status(false, nodeIds.size(), heartbeats.get(), started.get(), completed.get(),
                devices.size(), 0, 0);
        devices.clear();
        nodeIds = List.of();
        runs.clear();
        log.info("Simulation stopped");
        return last;
    }

    @Override
    public synchronized Status status() {
        int harvestable = 0;
        int capped = 0;
        for (String id : devices.keySet()) {
            var allocation = registry.findNode(id).map(org.fogcompute.api.Node::allocation).orElse(null);
            if (allocation == null) {
                continue;
            }
            if (!allocation.drain()) {
                harvestable++;
            }
            if (allocation.reason() != null && !allocation.drain()) {
                capped++;
            }
        }
        return new Status(scheduler != null, nodeIds.size(), heartbeats.get(), started.get(), completed.get(),
                devices.size(), harvestable, capped);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    /** The task type of a deployment's replica, which runs until it is cancelled. */
    static final String LONG_RUNNING = "replica";

    private void tick() {
        try {
            utcHour = (utcHour + SimulatedDevice.HOURS_PER_TICK) % 24;
            for (String id : currentNodeIds()) {
                heartbeat(id);
            }
            long now = System.currentTimeMillis();
            for (Task task : tasks.list(new TaskQuery(TaskStatus.ASSIGNED, null, 0, 10_000)).items()) {
                double[] truth = task.nodeId() == null ? null : truths.get(task.nodeId());
                if (truth != null) {
                    tasks.start(task.id());
                    started.incrementAndGet();
                    if (LONG_RUNNING.equals(task.spec().type())) {
                        // a deployment's replica serves until it is cancelled, unless the node's failure rate crashes
                        // it somewhere in the next 10 minutes
                        if (random.nextDouble() < truth[1]) {
                            runs.put(task.id(), new Run(now + (long) (600_000 * random.nextDouble()), false,
                                    task.nodeId()));
                        }
                        continue;
                    }
                    double seconds = baseSeconds(task.spec().type()) * truth[0] * Math.exp(0.2 * random.nextGaussian());
                    boolean succeeds = random.nextDouble() >= truth[1];
                    // a failing run stops part-way
                    long millis = (long) (1000 * seconds * (succeeds ? 1 : random.nextDouble()));
                    runs.put(task.id(), new Run(now + millis, succeeds, task.nodeId()));
                }
            }
            for (Map.Entry<String, Run> entry : runs.entrySet()) {
                Run run = entry.getValue();
                if (run.endsAtMillis() > now) {
                    continue;
                }
                runs.remove(entry.getKey());
                try {
                    if (run.succeeds()) {
                        tasks.complete(entry.getKey());
                        completed.incrementAndGet();
                    } else {
                        tasks.fail(entry.getKey(), "simulated failure on " + run.nodeId());
                    }
                } catch (FogException e) {
                    // cancelled or re-routed meanwhile: nothing to finish
                }
            }
        } catch (FogException e) {
            // a task or node changed under us (cancelled, removed): the next tick sees the new state
            log.debug("Simulation step skipped: {}", e.getMessage());
        }
    }

    private void heartbeat(String id) {
        try {
            SimulatedDevice device = devices.get(id);
            registry.heartbeat(id, new NodeMetrics(random.nextDouble(0, 100), random.nextDouble(0, 100), 99.9,
                    random.nextInt(10), device == null ? null : device.tick(utcHour, random)));
            heartbeats.incrementAndGet();
        } catch (NotFoundException e) {
            // removed by an operator: nothing to simulate for it
        }
    }

    /** A task type's base run time: 2, 4, 6 or 8 s, fixed per type. */
    static double baseSeconds(String type) {
        return 2 + 2 * Math.floorMod(type.hashCode(), 4);
    }

    private List<String> currentNodeIds() {
        return nodeIds;
    }
}
