package org.fogcompute.deployments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.deployments.Deployment;
import org.fogcompute.api.deployments.DeploymentSpec;
import org.fogcompute.api.deployments.Replica;
import org.fogcompute.api.deployments.ReplicaState;
import org.fogcompute.api.deployments.Workload;
import org.fogcompute.coordinator.internal.BenchmarkDatabase;
import org.fogcompute.coordinator.internal.BenchmarkWorkload;
import org.fogcompute.coordinator.internal.Coordinator;
import org.fogcompute.persistence.internal.JdbcDeploymentStore;

/**
 * Issue 19's reconciliation benchmark: 1,000 deployments of 5 replicas, all running on a fleet of 10,000 nodes; then
 * 10 % of the nodes fall silent, and the time until every replica runs again is measured: the coordinator declaring
 * the nodes offline and moving their tasks, then reconciliation passes, each followed by the nodes' agents starting
 * what was placed on them (in the runtime each start is an event that asks for the next pass). The deployments'
 * store is the real one on the embedded database or PostgreSQL; the coordinator is in memory.
 *
 * <pre>java -cp target/benchmarks.jar org.fogcompute.deployments.internal.ReconciliationAfterFailure [derby|postgresql] [runs]</pre>
 */
public final class ReconciliationAfterFailure {
    private static final int NODES = 10_000;
    private static final int DEPLOYMENTS = 1_000;
    private static final int REPLICAS = 5;
    private static final double FAILING = 0.10;

    private ReconciliationAfterFailure() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "derby";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long[] recoveries = new long[runs];
        for (int run = 0; run < runs; run++) {
            DataSource source = database.equals("postgresql") ? BenchmarkDatabase.emptyPostgres()
                    : BenchmarkDatabase.derby("reconciliation-" + System.nanoTime());
            try (BenchmarkDatabase db = BenchmarkDatabase.open(source)) {
                recoveries[run] = run(db, run);
            }
        }
        Arrays.sort(recoveries);
        System.out.printf("%s: median recovery %.0f ms over %d runs (%s)%n", database,
                recoveries[runs / 2] / 1e6, runs, Arrays.toString(Arrays.stream(recoveries)
                        .map(nanos -> nanos / 1_000_000).toArray()));
    }

    private static long run(BenchmarkDatabase db, int run) {
        MovableClock clock = new MovableClock();
        Coordinator coordinator = BenchmarkWorkload.fleet(NODES, 42 + run, clock);
        DeploymentsComponent deployments = new DeploymentsComponent(coordinator, coordinator,
                new JdbcDeploymentStore(db.pool(), () -> { }), new ManualLane(), clock, 5);
        try {
            deployments.reconcileNow(); // restores: nothing stored yet
            Workload workload = new Workload("registry.example/web:1", null, Map.of("MODE", "bench"), List.of(8080));
            long created = System.nanoTime();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < DEPLOYMENTS; i++) {
                String name = "bench-" + i;
                names.add(name);
                deployments.create(new DeploymentSpec(name, workload, new TaskRequirements(1, 256, 10, false),
                        REPLICAS, null, null, false, null, null), "bench");
            }
            startPlaced(deployments, coordinator, names);
            deployments.reconcileNow();
            int running = running(deployments, names);
            System.out.printf("run %d: %d deployments of %d created and started in %.0f ms, %d replicas running%n",
                    run, DEPLOYMENTS, REPLICAS, (System.nanoTime() - created) / 1e6, running);

            // 10 % of the nodes fall silent: the others heartbeat until the silent ones time out
            SplittableRandom random = new SplittableRandom(7 + run);
            Set<String> failing = new HashSet<>();
            while (failing.size() < NODES * FAILING) {
                failing.add("node-" + random.nextInt(NODES));
            }
            int affected = 0;
            for (String name : names) {
                for (Replica replica : deployments.find(name).orElseThrow().replicas()) {
                    affected += failing.contains(replica.nodeId()) ? 1 : 0;
                }
            }
            clock.advance(BenchmarkWorkload.heartbeatTimeout().minusSeconds(1));
            for (int i = 0; i < NODES; i++) {
                if (!failing.contains("node-" + i)) {
                    coordinator.heartbeat("node-" + i, NodeMetrics.IDLE);
                }
            }
            clock.advance(Duration.ofSeconds(1));

            long start = System.nanoTime();
            int offline = coordinator.checkLiveness();
            long detected = System.nanoTime();
            int passes = 0;
            while (running(deployments, names) < DEPLOYMENTS * REPLICAS) {
                deployments.reconcileNow();
                startPlaced(deployments, coordinator, names);
                passes++;
                if (passes > 50) {
                    throw new IllegalStateException("not recovered after 50 passes: " + running(deployments, names));
                }
            }
            long recovered = System.nanoTime();
            Set<String> onFailed = new HashSet<>();
            for (String name : names) {
                Deployment deployment = deployments.find(name).orElseThrow();
                Set<String> distinct = new HashSet<>();
                for (Replica replica : deployment.replicas()) {
                    if (failing.contains(replica.nodeId())) {
                        onFailed.add(replica.nodeId());
                    }
                    distinct.add(replica.nodeId());
                }
                if (distinct.size() != REPLICAS) {
                    throw new IllegalStateException(name + " has replicas sharing a node: " + deployment.replicas());
                }
            }
            if (!onFailed.isEmpty()) {
                throw new IllegalStateException("replicas still on failed nodes: " + onFailed);
            }
            System.out.printf("run %d: %d nodes offline with %d replicas, all %d running again after %.0f ms "
                            + "(detection and moves %.0f ms, %d reconciliation passes %.0f ms)%n", run, offline,
                    affected, DEPLOYMENTS * REPLICAS, (recovered - start) / 1e6, (detected - start) / 1e6, passes,
                    (recovered - detected) / 1e6);
            return recovered - start;
        } finally {
            deployments.deactivate();
        }
    }

    /** What the nodes' agents do: start every replica placed on them. */
    private static void startPlaced(DeploymentsComponent deployments, Coordinator coordinator, List<String> names) {
        for (String name : names) {
            for (Replica replica : deployments.find(name).orElseThrow().replicas()) {
                if (replica.state() == ReplicaState.STARTING) {
                    coordinator.start(replica.taskId());
                }
            }
        }
    }

    private static int running(DeploymentsComponent deployments, List<String> names) {
        int running = 0;
        for (String name : names) {
            running += (int) deployments.find(name).orElseThrow().replicas().stream()
                    .filter(replica -> replica.state() == ReplicaState.RUNNING).count();
        }
        return running;
    }

    /** The deployments' lane: the benchmark makes the passes itself. */
    private static final class ManualLane extends ScheduledThreadPoolExecutor {
        ManualLane() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                         TimeUnit unit) {
            return super.schedule(() -> { }, 1, TimeUnit.DAYS);
        }

        @Override
        public void execute(Runnable command) {
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-07T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
