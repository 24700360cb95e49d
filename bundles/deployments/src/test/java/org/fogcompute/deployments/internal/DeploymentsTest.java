package org.fogcompute.deployments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.deployments.Deployment;
import org.fogcompute.api.deployments.DeploymentQuery;
import org.fogcompute.api.deployments.DeploymentSpec;
import org.fogcompute.api.deployments.DeploymentStore;
import org.fogcompute.api.deployments.Replica;
import org.fogcompute.api.deployments.ReplicaState;
import org.fogcompute.api.deployments.StoredDeployment;
import org.fogcompute.api.deployments.Workload;
import org.fogcompute.coordinator.internal.Coordinator;
import org.fogcompute.coordinator.internal.TestCoordinators;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deployments over a real coordinator: distinct nodes, replacement, scaling, rolling updates, restarts. */
class DeploymentsTest {
    private final MovableClock clock = new MovableClock();
    private final Coordinator coordinator = TestCoordinators.leastLoaded(clock);
    private final MemoryStore store = new MemoryStore();
    private final List<DeploymentsComponent> started = new ArrayList<>();
    private final Workload web = new Workload("nginx:1.27", null, Map.of("MODE", "edge"), List.of(8080));

    @AfterEach
    void stop() {
        started.forEach(DeploymentsComponent::deactivate);
    }

    private DeploymentsComponent start() {
        DeploymentsComponent deployments = new DeploymentsComponent(coordinator, coordinator, store, new ManualLane(),
                clock, 5);
        deployments.reconcileNow(); // restores
        started.add(deployments);
        return deployments;
    }

    private void nodes(String... ids) {
        for (String id : ids) {
            coordinator.register(NodeSpec.builder(id).region(id.startsWith("w") ? "eu-west" : "us-east")
                    .capacity(new Capacity(4, 4096, 1000, 0)).address("10.0.0.1",
                            7000).build());
        }
    }

    private static DeploymentSpec spec(String name, int replicas, Workload workload) {
        return new DeploymentSpec(name, workload, new TaskRequirements(1, 256, 10, false), replicas, null, null,
                false, null, null);
    }

    private void startAll(Deployment deployment) {
        for (Replica replica : deployment.replicas()) {
            if (replica.state() == ReplicaState.STARTING) {
                coordinator.start(replica.taskId());
            }
        }
    }

    private static Set<String> nodesOf(Deployment deployment) {
        Set<String> nodes = new HashSet<>();
        deployment.replicas().forEach(r -> nodes.add(r.nodeId()));
        return nodes;
    }

    @Test
    void replicasArePlacedOnDistinctNodesAndTheDeploymentIsCompleteOnceTheyRun() {
        nodes("w1", "w2", "w3", "w4");
        DeploymentsComponent deployments = start();
        Deployment created = deployments.create(spec("web", 3, web), "alice");
        assertThat(created.replicas()).hasSize(3).allMatch(r -> r.state() == ReplicaState.STARTING);
        assertThat(nodesOf(created)).hasSize(3).doesNotContainNull();
        assertThat(created.ready()).isZero();
        assertThat(created.replicas()).allMatch(r -> r.endpoint().endsWith(":8080"));
        Task replica = coordinator.findTask(created.replicas().get(0).taskId()).orElseThrow();
        assertThat(replica.spec().payload()).contains("\"image\":\"nginx:1.27\"").contains("\"slot\":0");
        assertThat(replica.spec().jobId()).isEqualTo("deployment:web");

        startAll(created);
        Deployment running = deployments.find("web").orElseThrow();
        assertThat(running.ready()).isEqualTo(3);
        assertThat(running.complete()).isTrue();
        assertThat(running.problem()).isNull();
        assertThatThrownBy(() -> deployments.create(spec("web", 1, web), "bob"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aReplicaThatCannotBePlacedWaitsSayingWhyAndIsPlacedWhenANodeJoins() {
        nodes("w1", "w2");
        DeploymentsComponent deployments = start();
        Deployment created = deployments.create(spec("web", 3, web), "alice");
        assertThat(nodesOf(created)).hasSize(3); // two nodes and one replica waiting without a node
        Replica waiting = created.replicas().stream().filter(r -> r.state() == ReplicaState.PENDING).findFirst()
                .orElseThrow();
        assertThat(waiting.message()).contains("0 of them within the placement");
        assertThat(created.problem()).contains("replica " + waiting.slot() + " waits");

        nodes("w3");
        coordinator.tickQueue();
        deployments.reconcileNow();
        Deployment placed = deployments.find("web").orElseThrow();
        assertThat(placed.replicas()).noneMatch(r -> r.state() == ReplicaState.PENDING);
        assertThat(nodesOf(placed)).containsExactlyInAnyOrder("w1", "w2", "w3");
    }

    @Test
    void aReplicaWhoseNodeFailsIsReplacedElsewhereAndOneThatEndsIsRestarted() {
        nodes("w1", "w2", "w3", "w4");
        DeploymentsComponent deployments = start();
        startAll(deployments.create(spec("web", 3, web), "alice"));
        Deployment before = deployments.find("web").orElseThrow();
        Replica lost = before.replicas().get(1);
        // its node falls silent; the others heartbeat until it is declared offline
        clock.advance(Duration.ofSeconds(89));
        for (String id : List.of("w1", "w2", "w3", "w4")) {
            if (!id.equals(lost.nodeId())) {
                coordinator.heartbeat(id, NodeMetrics.IDLE);
            }
        }
        clock.advance(Duration.ofSeconds(1));
        coordinator.checkLiveness();
        deployments.reconcileNow();
        Deployment after = deployments.find("web").orElseThrow();
        assertThat(after.replicas()).hasSize(3);
        assertThat(nodesOf(after)).hasSize(3).doesNotContain(lost.nodeId());
        startAll(after);
        assertThat(deployments.find("web").orElseThrow().ready()).isEqualTo(3);

        // the replica's process ends (its node reports it done): the slot is refilled, a restart counted
        Replica ending = deployments.find("web").orElseThrow().replicas().get(0);
        coordinator.complete(ending.taskId());
        deployments.reconcileNow();
        Replica refilled = deployments.find("web").orElseThrow().replicas().get(0);
        assertThat(refilled.slot()).isEqualTo(ending.slot());
        assertThat(refilled.taskId()).isNotEqualTo(ending.taskId());
        assertThat(refilled.restarts()).isEqualTo(ending.restarts() + 1);
    }

    @Test
    void scalingUpAddsDistinctNodesAndScalingDownTakesWaitingReplicasFirst() {
        nodes("w1", "w2", "w3", "w4", "w5");
        DeploymentsComponent deployments = start();
        startAll(deployments.create(spec("web", 3, web), "alice"));
        Deployment five = deployments.scale("web", 6); // five nodes: one of six waits
        assertThat(five.replicas()).hasSize(6);
        assertThat(five.replicas().stream().filter(r -> r.state() == ReplicaState.PENDING)).hasSize(1);
        assertThat(five.replicas().stream().filter(r -> r.nodeId() != null).map(Replica::nodeId).distinct())
                .hasSize(5);

        Deployment two = deployments.scale("web", 2);
        assertThat(two.replicas()).hasSize(2).allMatch(r -> r.state() == ReplicaState.RUNNING);
        assertThat(coordinator.list(new org.fogcompute.api.TaskQuery(null, null, 0, 100)).items().stream()
                .filter(t -> !t.status().isFinished())).hasSize(2);
        assertThatThrownBy(() -> deployments.scale("web", -1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> deployments.scale("nothing", 1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRollingUpdateNeverTakesMoreThanMaxUnavailableDown() {
        nodes("w1", "w2", "w3", "w4", "w5", "w6");
        DeploymentsComponent deployments = start();
        startAll(deployments.create(spec("web", 4, web), "alice"));
        Workload next = new Workload("nginx:1.28", null, null, List.of(8080));
        Deployment updating = deployments.update(spec("web", 4, next));
        assertThat(updating.generation()).isEqualTo(2);
        int minimumRunning = Integer.MAX_VALUE;
        for (int round = 0; round < 20; round++) {
            Deployment now = deployments.find("web").orElseThrow();
            long running = now.replicas().stream().filter(r -> r.state() == ReplicaState.RUNNING).count();
            minimumRunning = (int) Math.min(minimumRunning, running);
            if (now.replicas().stream().allMatch(r -> r.generation() == 2 && r.state() == ReplicaState.RUNNING)) {
                break;
            }
            startAll(now);
            deployments.reconcileNow();
        }
        Deployment done = deployments.find("web").orElseThrow();
        assertThat(done.ready()).isEqualTo(4);
        assertThat(done.replicas()).allMatch(r -> r.generation() == 2);
        assertThat(minimumRunning).as("never below replicas - maxUnavailable").isGreaterThanOrEqualTo(3);
        for (Replica replica : done.replicas()) {
            assertThat(coordinator.findTask(replica.taskId()).orElseThrow().spec().payload()).contains("nginx:1.28");
        }
        // a change of count or algorithm only is not an update
        assertThat(deployments.update(new DeploymentSpec("web", next, new TaskRequirements(1, 256, 10, false), 4,
                null, null, false, 2, "round-robin")).generation()).isEqualTo(2);
    }

    @Test
    void aRestartKeepsDeploymentsAndReplicasAndCancelsAReplicaNoSlotHolds() {
        nodes("w1", "w2", "w3");
        DeploymentsComponent first = start();
        startAll(first.create(spec("web", 2, web), "alice"));
        Deployment before = first.find("web").orElseThrow();
        // a replica task submitted just before a crash, its slot never stored
        coordinator.submit(TaskSpec.builder().id("web-r99").type("replica").jobId("deployment:web").build());
        first.deactivate();

        DeploymentsComponent second = start();
        Deployment after = second.find("web").orElseThrow();
        assertThat(after.replicas()).isEqualTo(before.replicas());
        assertThat(after.owner()).isEqualTo("alice");
        assertThat(coordinator.findTask("web-r99").orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
    }

    @Test
    void deleteTakesEveryReplicaDownAndListsFilterSortAndPage() {
        nodes("w1", "w2", "w3", "e1");
        DeploymentsComponent deployments = start();
        deployments.create(spec("api", 1, web), "alice");
        clock.advance(Duration.ofSeconds(1));
        deployments.create(new DeploymentSpec("web-east", web, null, 2, Set.of("us-east"), null, false, null, null),
                "alice");
        clock.advance(Duration.ofSeconds(1));
        deployments.create(spec("web-any", 2, web), "bob");
        assertThat(deployments.list(DeploymentQuery.all()).items()).extracting(Deployment::name)
                .containsExactly("api", "web-any", "web-east");
        assertThat(deployments.list(new DeploymentQuery("web", null, null, DeploymentQuery.Sort.CREATED, 0, 10))
                .items()).extracting(Deployment::name).containsExactly("web-any", "web-east");
        deployments.list(DeploymentQuery.all()).items().forEach(this::startAll);
        assertThat(deployments.list(new DeploymentQuery(null, null, true, null, 0, 10)).items())
                .extracting(Deployment::name).containsExactly("web-east"); // two replicas, one eastern node
        assertThat(deployments.list(new DeploymentQuery(null, null, null, DeploymentQuery.Sort.REPLICAS, 1, 1))
                .items()).extracting(Deployment::name).containsExactly("web-east");

        Deployment gone = deployments.delete("web-any");
        for (Replica replica : gone.replicas()) {
            assertThat(coordinator.findTask(replica.taskId()).orElseThrow().status())
                    .isEqualTo(TaskStatus.CANCELLED);
        }
        assertThat(deployments.find("web-any")).isEmpty();
        assertThat(store.deployments()).extracting(d -> d.spec().name()).containsExactly("api", "web-east");
    }

    @Test
    void metricsShowReplicasByStateAtTheLastPassAndResolutionsByOutcome() {
        nodes("w1", "w2");
        DeploymentsComponent deployments = start();
        Deployment created = deployments.create(spec("web", 3, web), "alice");
        startAll(created);
        deployments.reconcileNow();
        Map<String, Double> scraped = scrape(deployments);
        assertThat(scraped).containsEntry("fog_deployments", 1.0).containsEntry("fog_deployments_incomplete", 1.0)
                .containsEntry("fog_deployment_replicas{state=RUNNING}", 2.0)
                .containsEntry("fog_deployment_replicas{state=PENDING}", 1.0)
                .containsEntry("fog_deployment_replicas{state=STARTING}", 0.0);
        assertThat(scraped.get("fog_deployment_reconciliations_total")).isGreaterThanOrEqualTo(2.0);
        assertThatThrownBy(() -> deployments.resolve("web", null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("load balancer is not running");
        assertThat(scrape(deployments)).containsEntry("fog_deployment_resolutions_total{outcome=no_balancer}", 1.0)
                .containsEntry("fog_deployment_resolutions_total{outcome=resolved}", 0.0)
                .containsEntry("fog_deployment_open_leases", 0.0);
    }

    /** One scrape as name{label=value} to value. */
    private static Map<String, Double> scrape(DeploymentsComponent source) {
        Map<String, Double> values = new TreeMap<>();
        source.collect(new org.fogcompute.api.metrics.MetricsSink() {
            private void put(String name, double value, String... labels) {
                StringBuilder key = new StringBuilder(name);
                for (int i = 0; i < labels.length; i += 2) {
                    key.append(i == 0 ? "{" : ",").append(labels[i]).append('=').append(labels[i + 1]);
                }
                values.put(labels.length == 0 ? key.toString() : key.append('}').toString(), value);
            }

            @Override
            public void gauge(String name, String help, double value, String... labelPairs) {
                put(name, value, labelPairs);
            }

            @Override
            public void counter(String name, String help, double value, String... labelPairs) {
                put(name, value, labelPairs);
            }

            @Override
            public void histogram(String name, String help, org.fogcompute.api.metrics.Histogram.Snapshot snapshot,
                                  String... labelPairs) {
                throw new AssertionError("no histograms");
            }
        });
        return values;
    }

    @Test
    void spreadRegionsPutsEachReplicaInAnotherRegion() {
        nodes("w1", "w2", "e1", "e2");
        DeploymentsComponent deployments = start();
        Deployment spread = deployments.create(new DeploymentSpec("geo", web, null, 3, null, null, true, null, null),
                "alice");
        List<String> placed = spread.replicas().stream().filter(r -> r.nodeId() != null).map(r -> r.nodeId()
                .substring(0, 1)).toList();
        assertThat(placed).containsExactlyInAnyOrder("w", "e");
        assertThat(spread.problem()).contains("every allowed region has a replica already");
    }

    @Test
    void statusAndListAnswersAreCachedUntilAChangeTheyShowAndNeverStaleAfterOne() {
        nodes("w1", "w2", "w3", "w4");
        DeploymentsComponent deployments = start();
        CountingCache cache = new CountingCache();
        deployments.cache(cache.service());
        Deployment created = deployments.create(spec("web", 2, web), "alice");

        Deployment first = deployments.find("web").orElseThrow();
        assertThat(deployments.find("web").orElseThrow()).isEqualTo(first);
        assertThat(cache.loads).as("the second read is a hit").isEqualTo(1);
        deployments.list(DeploymentQuery.all());
        deployments.list(DeploymentQuery.all());
        assertThat(cache.loads).isEqualTo(2);

        // a replica starts (its task's event): the next answer shows it
        coordinator.start(created.replicas().get(0).taskId());
        deployments.handleEvent(new org.osgi.service.event.Event("fog/task/STARTED",
                Map.of("task.id", created.replicas().get(0).taskId())));
        assertThat(deployments.find("web").orElseThrow().replicas().get(0).state()).isEqualTo(ReplicaState.RUNNING);

        // a scale: neither status nor list answers the old count
        deployments.scale("web", 3);
        assertThat(deployments.find("web").orElseThrow().replicas()).hasSize(3);
        assertThat(deployments.list(DeploymentQuery.all()).items().get(0).replicas()).hasSize(3);
        assertThat(cache.published).contains("deployment.web", "deployments.list");

        // a node event: answers showing nodes are loaded again
        int before = cache.loads;
        deployments.handleEvent(new org.osgi.service.event.Event("fog/node/STATUS_CHANGED", Map.of()));
        deployments.find("web");
        assertThat(cache.loads).isEqualTo(before + 1);
    }

    /** The cache's contract as far as deployments use it: get-or-load, subscriptions, publish; no expiry. */
    private static final class CountingCache implements org.fogcompute.api.cache.FogCache {
        private final Map<String, Object> values = new java.util.HashMap<>();
        private final Map<String, Set<String>> subscribers = new java.util.HashMap<>();
        private final List<String> published = new ArrayList<>();
        private int loads;

        /** The cache service around this one namespace. */
        org.fogcompute.api.cache.CacheService service() {
            CountingCache namespace = this;
            return new org.fogcompute.api.cache.CacheService() {
                @Override
                public org.fogcompute.api.cache.FogCache namespace(String name) {
                    return namespace;
                }

                @Override
                public java.util.Optional<org.fogcompute.api.cache.FogCache> existing(String name) {
                    return java.util.Optional.of(namespace);
                }

                @Override
                public List<org.fogcompute.api.cache.CacheStats> stats() {
                    return List.of();
                }

                @Override
                public void publish(String event) {
                    namespace.publish(event);
                }

                @Override
                public SharedLevel sharedLevel() {
                    return new SharedLevel(false, false, "");
                }
            };
        }

        synchronized void publish(String event) {
            published.add(event);
            subscribers.getOrDefault(event, Set.of()).forEach(values::remove);
        }

        @Override
        public String namespace() {
            return "deployments";
        }

        @Override
        public synchronized <T> java.util.Optional<T> getOrLoad(String key, Class<T> type, Duration ttl,
                                                               java.util.function.Supplier<? extends T> loader) {
            if (!values.containsKey(key)) {
                loads++;
                T loaded = loader.get();
                if (loaded == null) {
                    return java.util.Optional.empty();
                }
                values.put(key, loaded);
            }
            return java.util.Optional.of(type.cast(values.get(key)));
        }

        @Override
        public synchronized void subscribe(String event, String key) {
            subscribers.computeIfAbsent(event, e -> new HashSet<>()).add(key);
        }

        @Override
        public <T> java.util.Optional<T> get(String key, Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void put(String key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void put(String key, Object value, Duration ttl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Map<String, T> getAll(java.util.Collection<String> keys, Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putAll(Map<String, ?> map, Duration ttl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteAll(java.util.Collection<String> keys) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clear() {
            values.clear();
        }

        @Override
        public org.fogcompute.api.cache.CacheStats stats() {
            throw new UnsupportedOperationException();
        }
    }

    /** A lane that runs nothing by itself: the tests reconcile when they choose. */
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
            // events ask for a pass; the tests make their own
        }
    }

    private static final class MemoryStore implements DeploymentStore {
        private final Map<String, StoredDeployment> rows = new TreeMap<>();

        @Override
        public synchronized void save(StoredDeployment deployment) {
            rows.put(deployment.spec().name(), deployment);
        }

        @Override
        public synchronized void remove(String name) {
            rows.remove(name);
        }

        @Override
        public synchronized List<StoredDeployment> deployments() {
            return new ArrayList<>(rows.values());
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
