package org.fogcompute.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Supplier;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.Page;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.deployments.Deployment;
import org.fogcompute.api.deployments.DeploymentQuery;
import org.fogcompute.api.deployments.DeploymentSpec;
import org.fogcompute.api.deployments.Deployments;
import org.fogcompute.api.deployments.Replica;
import org.fogcompute.api.deployments.ReplicaState;
import org.fogcompute.api.deployments.Workload;
import org.fogcompute.api.security.Caller;
import org.fogcompute.rest.internal.Route.Shape;

/** /api/deployments: operators manage deployments, viewers read them. */
final class DeploymentsResource {
    /** The cache namespace of the deployments' list and status answers. */
    static final String CACHE_NAMESPACE = "deployments";
    static final String HIDDEN = "(hidden)";
    private final Supplier<Deployments> deployments;
    private final Supplier<org.fogcompute.api.cache.CacheService> cache;

    DeploymentsResource(Supplier<Deployments> deployments, Supplier<org.fogcompute.api.cache.CacheService> cache) {
        this.deployments = deployments;
        this.cache = cache;
    }

    record Scale(Integer replicas) {
    }

    /** {@code sessionKey}: with consistent-hash, the same key reaches the same replica while it runs. */
    record Resolve(String sessionKey) {
    }

    record Report(String leaseId, Boolean success, Long latencyMillis) {
    }

    void register(Router router) {
        // before /deployments/{name}: a deployment cannot be named so as to hide these
        router.get("/deployments/cache/metrics", Access.VIEWER, "Hits, misses, hit rate and latency of the cached "
                + "deployment list and status answers", this::cacheMetrics).tag("deployments")
                .returns(org.fogcompute.api.cache.CacheStats.class);
        router.post("/deployments/cache/clear", Access.ADMIN, "Drop every cached deployment answer (they are loaded "
                + "again on the next read)", this::cacheClear).tag("deployments").status(204);
        router.post("/deployments", Access.OPERATOR, "Create a deployment: replicas of a workload on distinct nodes, "
                + "kept at their count", this::create).tag("deployments").status(201).body(DeploymentSpec.class)
                .returns(Deployment.class).errors(409);
        router.get("/deployments", Access.VIEWER_OR_ANY_NODE, "List deployments (a node: those with a replica on it, "
                + "with only that replica; a viewer: environment values hidden; filter by name prefix, region, incomplete; sort by "
                + "name, created or replicas; page)", this::list).tag("deployments")
                .query("prefix", "region", "incomplete", "sort", "offset", "limit").returns(Deployment.class,
                        Shape.PAGE);
        router.get("/deployments/{name}", Access.VIEWER_OR_ANY_NODE, "Read a deployment: its replicas (node, state, health, "
                + "restarts, endpoint) and why it is not complete", this::detail).tag("deployments")
                .returns(Deployment.class).errors(404);
        router.put("/deployments/{name}", Access.OPERATOR, "Update a deployment; a new workload, resources or "
                + "placement replaces the replicas rolling, at most maxUnavailable down at a time", this::update)
                .tag("deployments").body(DeploymentSpec.class).returns(Deployment.class).errors(404);
        router.post("/deployments/{name}/scale", Access.OPERATOR, "Scale a deployment to a replica count",
                this::scale).tag("deployments").body(Scale.class).returns(Deployment.class).errors(404);
        router.post("/deployments/{name}/resolve", Access.VIEWER_OR_ANY_NODE, "Choose the running replica for one "
                + "request by the deployment's load-balancing algorithm (skipping nodes whose circuit is open); report "
                + "how it went with the lease", this::resolve).tag("deployments").body(Resolve.class)
                .returns(org.fogcompute.api.deployments.Resolution.class).errors(404, 409);
        router.post("/deployments/{name}/report", Access.VIEWER_OR_ANY_NODE, "Report how a resolved request went: "
                + "it feeds the node's circuit breaker and response-time balancing", this::report)
                .tag("deployments").body(Report.class).status(204).errors(404);
        router.delete("/deployments/{name}", Access.OPERATOR, "Delete a deployment, taking its replicas down",
                this::delete).tag("deployments").returns(Deployment.class).errors(404);
    }

    private Deployments service() {
        return Services.require(deployments, "the deployments service");
    }

    private Object create(Call call) {
        call.allowQuery(Set.of());
        return service().create(call.body(DeploymentSpec.class), call.caller().name());
    }

    private Object list(Call call) {
        call.allowQuery(Set.of("prefix", "region", "incomplete", "sort", "offset", "limit"));
        String sort = call.query("sort");
        DeploymentQuery.Sort order;
        try {
            order = sort == null ? DeploymentQuery.Sort.NAME : DeploymentQuery.Sort.valueOf(sort.toUpperCase(
                    Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("sort", "sort is name, created or replicas, got '" + sort + "'");
        }
        String incomplete = call.query("incomplete");
        if (incomplete != null && !incomplete.equals("true") && !incomplete.equals("false")) {
            throw ApiException.badRequest("incomplete", "incomplete is true or false, got '" + incomplete + "'");
        }
        DeploymentQuery query = new DeploymentQuery(call.query("prefix"), call.query("region"),
                incomplete == null ? null : Boolean.valueOf(incomplete), order, call.queryInt("offset", 0, 0,
                Integer.MAX_VALUE), call.queryInt("limit", 100, 1, DeploymentQuery.MAX_LIMIT));
        Caller caller = call.caller();
        if (!caller.isNode()) {
            Page<Deployment> page = service().list(query);
            return caller.isOperator() ? page : new Page<>(page.items().stream().map(DeploymentsResource::redacted)
                    .toList(), page.total(), page.offset(), page.limit());
        }
        // a node: its own replicas only, counted after filtering
        List<Deployment> own = new ArrayList<>();
        for (Deployment d : service().list(new DeploymentQuery(query.namePrefix(), query.region(),
                query.onlyIncomplete(), query.sort(), 0, DeploymentQuery.MAX_LIMIT)).items()) {
            Deployment mine = ownedBy(d, caller.nodeId());
            if (mine != null) {
                own.add(mine);
            }
        }
        int from = Math.min(query.offset(), own.size());
        return new Page<>(own.subList(from, Math.min(own.size(), from + query.limit())), own.size(), query.offset(),
                query.limit());
    }

    private Object detail(Call call) {
        call.allowQuery(Set.of());
        String name = call.pathParameter("name");
        Deployment found = service().find(name).orElseThrow(() -> new NotFoundException("no deployment '" + name
                + "'"));
        Caller caller = call.caller();
        if (caller.isNode()) {
            Deployment mine = ownedBy(found, caller.nodeId());
            if (mine == null) { // as if it did not exist: a node learns nothing of deployments it does not run
                throw new NotFoundException("no deployment '" + name + "'");
            }
            return mine;
        }
        return caller.isOperator() ? found : redacted(found);
    }

    private Object update(Call call) {
        call.allowQuery(Set.of());
        DeploymentSpec spec = call.body(DeploymentSpec.class);
        String name = call.pathParameter("name");
        if (!spec.name().equals(name)) {
            throw new ValidationException("name", "the body names '" + spec.name() + "', the address '" + name
                    + "': a deployment cannot be renamed");
        }
        return service().update(spec);
    }

    private Object scale(Call call) {
        call.allowQuery(Set.of());
        Scale body = call.body(Scale.class);
        if (body.replicas() == null) {
            throw new ValidationException("replicas", "give the replica count: {\"replicas\": 3}");
        }
        return service().scale(call.pathParameter("name"), body.replicas());
    }

    private Object resolve(Call call) {
        call.allowQuery(Set.of());
        Resolve body = call.hasBody() ? call.body(Resolve.class) : new Resolve(null);
        if (body.sessionKey() != null && (body.sessionKey().isEmpty() || body.sessionKey().length() > 256)) {
            throw new ValidationException("sessionKey", "a session key is 1..256 characters");
        }
        return service().resolve(call.pathParameter("name"), body.sessionKey());
    }

    private Object report(Call call) {
        call.allowQuery(Set.of());
        Report body = call.body(Report.class);
        if (body.leaseId() == null || body.success() == null || body.latencyMillis() == null) {
            throw new ValidationException(body.leaseId() == null ? "leaseId" : body.success() == null ? "success"
                    : "latencyMillis", "a report gives leaseId, success and latencyMillis");
        }
        service().report(call.pathParameter("name"), body.leaseId(), body.success(), body.latencyMillis());
        return new Route.Reply(204, null);
    }

    /** The deployment as its node sees it: only the replicas on it; null when none is. */
    static Deployment ownedBy(Deployment deployment, String nodeId) {
        List<Replica> own = deployment.replicas().stream().filter(r -> nodeId.equals(r.nodeId())).toList();
        if (own.isEmpty()) {
            return null;
        }
        int ready = (int) own.stream().filter(r -> r.state() == ReplicaState.RUNNING
                && r.generation() == deployment.generation()).count();
        return new Deployment(deployment.spec(), deployment.generation(), null, deployment.createdAt(),
                deployment.updatedAt(), own, ready, null);
    }

    /**
     * The deployment as a viewer sees it: environment values hidden (they are where secrets end up), names kept.
     */
    static Deployment redacted(Deployment deployment) {
        DeploymentSpec spec = deployment.spec();
        Workload workload = spec.workload();
        if (workload.env().isEmpty()) {
            return deployment;
        }
        Map<String, String> hidden = new TreeMap<>();
        workload.env().keySet().forEach(key -> hidden.put(key, HIDDEN));
        DeploymentSpec shown = new DeploymentSpec(spec.name(), new Workload(workload.image(), workload.command(),
                hidden, workload.ports()), spec.resources(), spec.replicas(), spec.regions(), spec.labels(),
                spec.spreadRegions(), spec.maxUnavailable(), spec.algorithm());
        return new Deployment(shown, deployment.generation(), deployment.owner(), deployment.createdAt(),
                deployment.updatedAt(), deployment.replicas(), deployment.ready(), deployment.problem());
    }

    private org.fogcompute.api.cache.FogCache answers() {
        return Services.require(cache, "the cache").namespace(CACHE_NAMESPACE);
    }

    private Object cacheMetrics(Call call) {
        call.allowQuery(Set.of());
        return answers().stats();
    }

    private Object cacheClear(Call call) {
        call.allowQuery(Set.of());
        answers().clear();
        return new Route.Reply(204, null);
    }

    private Object delete(Call call) {
        call.allowQuery(Set.of());
        return service().delete(call.pathParameter("name"));
    }
}
