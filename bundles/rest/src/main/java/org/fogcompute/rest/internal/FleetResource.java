package org.fogcompute.rest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.fogcompute.api.CoordinatorHealth;
import org.fogcompute.api.TopologyService;
import org.fogcompute.api.TopologySnapshot;
import org.fogcompute.api.cache.CacheService;
import org.fogcompute.api.cache.FogCache;
import org.fogcompute.api.routing.RoutingStrategies;
import org.fogcompute.rest.internal.Bodies.StrategyChoice;
import org.fogcompute.rest.internal.Route.Shape;
import org.fogcompute.rest.internal.Views.Health;
import org.fogcompute.rest.internal.Views.Strategies;

/** /api/topology, /api/strategies, /api/health and /api/coordinator. */
final class FleetResource {
    static final String NAMESPACE = "fleet";
    static final String TOPOLOGY_KEY = "topology";

    private final Supplier<TopologyService> topology;
    private final Supplier<RoutingStrategies> strategies;
    private final Supplier<CacheService> cache;
    private final Duration topologyTtl;

    FleetResource(Supplier<TopologyService> topology, Supplier<RoutingStrategies> strategies,
                  Supplier<CacheService> cache, Duration topologyTtl) {
        this.topology = topology;
        this.strategies = strategies;
        this.cache = cache;
        this.topologyTtl = topologyTtl;
    }

    void register(Router router) {
        router.get("/health", Access.PUBLIC, "Liveness and readiness; no details beyond up or down", this::health)
                .tag("health").returns(Health.class).errors(503);
        router.get("/coordinator", Access.VIEWER, "The coordinator: id, readiness, database reachability, counts, "
                + "uptime and what became of its transactions", call -> topology().health()).tag("health")
                .returns(CoordinatorHealth.class);
        router.get("/topology", Access.VIEWER, "The fleet now: counts by status and type, capacity, tasks",
                call -> currentTopology()).tag("topology").returns(TopologySnapshot.class);
        router.get("/topology/history", Access.VIEWER, "Recent topology snapshots, oldest first",
                call -> topology().history()).tag("topology").returns(TopologySnapshot.class, Shape.LIST);
        router.get("/strategies", Access.VIEWER, "Registered routing strategies and the default", this::list)
                .tag("strategies").returns(Strategies.class);
        router.put("/strategies/default", Access.ADMIN, "Set the default routing strategy", this::setDefault)
                .tag("strategies").body(StrategyChoice.class).returns(Strategies.class).errors(404);
    }

    private TopologyService topology() {
        return Services.require(topology, "the coordinator");
    }

    /**
     * Computing the topology walks every node under the coordinator's lock; dashboards poll it. It is cached for a
     * short time and evicted whenever nodes join, leave or change status (see FleetCacheInvalidator).
     */
    private TopologySnapshot currentTopology() {
        TopologyService coordinator = topology();
        CacheService caches = cache.get();
        if (caches == null || topologyTtl.isZero()) {
            return coordinator.current();
        }
        FogCache fleet = caches.namespace(NAMESPACE);
        TopologySnapshot snapshot = fleet.getOrLoad(TOPOLOGY_KEY, TopologySnapshot.class, topologyTtl,
                coordinator::current).orElseGet(coordinator::current);
        fleet.subscribe(FleetCacheInvalidator.EVENT, TOPOLOGY_KEY);
        return snapshot;
    }

    private RoutingStrategies strategies() {
        return Services.require(strategies, "the strategy registry");
    }

    private Object health(Call call) {
        Map<String, String> checks = new LinkedHashMap<>();
        TopologyService coordinator = topology.get();
        boolean running = false;
        if (coordinator == null) {
            checks.put("coordinator", "DOWN");
            checks.put("database", "DOWN");
        } else {
            CoordinatorHealth health = coordinator.health();
            running = health.running() && health.ready() && health.databaseReachable();
            checks.put("coordinator", health.running() && health.ready() ? "UP" : "DOWN");
            checks.put("database", health.databaseReachable() ? "UP" : "DOWN");
        }
        RoutingStrategies registry = strategies.get();
        boolean routing = registry != null && !registry.names().isEmpty();
        checks.put("routing", routing ? "UP" : "DOWN");
        String status = running && routing ? "UP" : running ? "DEGRADED" : "DOWN";
        Health body = new Health(status, running, checks);
        return running ? body : new Route.Reply(503, body);
    }

    private Object list(Call call) {
        RoutingStrategies registry = strategies();
        String effective = registry.effectiveDefault();
        String configured = registry.defaultName();
        return new Strategies(new ArrayList<>(registry.names()), effective, configured,
                configured.equals(effective) ? null : "the configured default '" + configured + "' is not installed; "
                        + "tasks that name no strategy use '" + effective + "' until it returns");
    }

    private Object setDefault(Call call) {
        StrategyChoice choice = call.body(StrategyChoice.class);
        if (choice.name() == null || !org.fogcompute.api.Checks.isId(choice.name())) {
            throw ApiException.unprocessable("name", "name must name a routing strategy");
        }
        strategies().setDefault(choice.name());
        return list(call);
    }
}
