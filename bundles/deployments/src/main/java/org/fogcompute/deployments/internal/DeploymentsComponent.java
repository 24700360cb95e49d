package org.fogcompute.deployments.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.FogException;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.Page;
import org.fogcompute.api.Placement;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskQuery;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.balancing.CircuitBreakers;
import org.fogcompute.api.balancing.LoadBalancer;
import org.fogcompute.api.cache.CacheService;
import org.fogcompute.api.cache.FogCache;
import org.fogcompute.api.deployments.Deployment;
import org.fogcompute.api.deployments.DeploymentQuery;
import org.fogcompute.api.deployments.DeploymentSpec;
import org.fogcompute.api.deployments.DeploymentStore;
import org.fogcompute.api.deployments.Deployments;
import org.fogcompute.api.deployments.Replica;
import org.fogcompute.api.deployments.ReplicaState;
import org.fogcompute.api.deployments.Resolution;
import org.fogcompute.api.deployments.StoredDeployment;
import org.fogcompute.api.pools.SharedScheduler;
import org.fogcompute.api.store.StoreUnavailableException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.fogcompute.api.metrics.MetricsSink;
import org.fogcompute.api.metrics.MetricsSource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deployments kept at their count: each replica is a long-running task placed by the coordinator with a placement
 * that avoids the nodes of the deployment's other replicas. Every change is stored before it is answered; the
 * reconciliation ({@link Reconciliation}) runs at once after a change, whenever a task or node event arrives, and every
 * {@code reconcile.interval.seconds}, in a lane of the shared scheduler. Replicas run unpaid for now: a task's hold is
 * settled when it ends, and a replica does not end. The load-balancing side (pools, resolutions, reports) is
 * {@link ReplicaBalancing}.
 */
@Component(service = {Deployments.class, EventHandler.class, HealthCheck.class, MetricsSource.class},
        configurationPid = DeploymentsComponent.PID,
        property = {"fog.service.name=deployments", "fog.service.critical=false", "hc.name=Fog deployments",
            "hc.tags=fog", EventConstants.EVENT_TOPIC + "=fog/task/*", EventConstants.EVENT_TOPIC + "=fog/node/*"})
@Designate(ocd = DeploymentsComponent.Config.class)
public class DeploymentsComponent implements Deployments, EventHandler, HealthCheck, MetricsSource {
    static final String PID = "org.fogcompute.deployments";
    static final String JOB_PREFIX = "deployment:";
    static final String CACHE_NAMESPACE = "deployments";
    /** Cache events: one deployment's status changed; some list may have. */
    static final String EVENT_PREFIX = "deployment.";
    static final String LIST_EVENT = "deployments.list";
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentsComponent.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ObjectClassDefinition(name = "Fog deployments", description = "Replicated workloads kept at their count")
    public @interface Config {
        @AttributeDefinition(name = "Reconciliation interval (s)", description = "Besides after every change and "
                + "every task or node event")
        long reconcile_interval_seconds() default 5;

        @AttributeDefinition(name = "List answers cached (s)", description = "0: not cached")
        long cache_list_seconds() default 60;

        @AttributeDefinition(name = "Status answers cached (s)", description = "0: not cached")
        long cache_status_seconds() default 30;
    }

    private final TaskService tasks;
    private final NodeRegistry nodes;
    private final DeploymentStore store;
    private final Clock clock;
    private final ScheduledExecutorService lane;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final Map<String, StoredDeployment> deployments = new TreeMap<>();
    /** Why a deployment could not be completed at its last reconciliation; guarded by {@link #lock}. */
    private final Map<String, String> problems = new HashMap<>();
    private final AtomicBoolean reconcileQueued = new AtomicBoolean();
    private final DeploymentMetrics metrics = new DeploymentMetrics();
    private final ReplicaBalancing balancing;
    private volatile boolean restored;
    private volatile String restoreProblem;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CacheService cache;
    /**
     * Cached answers are keyed by these versions, raised by every change a view can show (a mutation, a reconciliation
     * that moved replicas, an event of a replica's task, any node event): an answer loaded before a change can never
     * be read after it, even when its load finished after the eviction. Guarded by {@link #lock}.
     */
    private final Map<String, Long> versions = new HashMap<>();
    private long listVersion;
    private long nodeEpoch;
    private volatile Duration listTtl = Duration.ofSeconds(60);
    private volatile Duration statusTtl = Duration.ofSeconds(30);
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CircuitBreakers breakers;

    @Activate
    public DeploymentsComponent(@Reference TaskService tasks, @Reference NodeRegistry nodes,
                                @Reference DeploymentStore store, @Reference SharedScheduler lanes, Config config) {
        this(tasks, nodes, store, lanes.lane("deployments"), Clock.systemUTC(), config.reconcile_interval_seconds());
        cacheFor(Duration.ofSeconds(Math.max(0, config.cache_list_seconds())),
                Duration.ofSeconds(Math.max(0, config.cache_status_seconds())));
    }

    void cacheFor(Duration lists, Duration status) {
        this.listTtl = lists;
        this.statusTtl = status;
    }

    /** For tests: a cache to keep answers in. */
    void cache(CacheService service) {
        this.cache = service;
    }

    DeploymentsComponent(TaskService tasks, NodeRegistry nodes, DeploymentStore store, ScheduledExecutorService lane,
                         Clock clock, long intervalSeconds) {
        this.tasks = tasks;
        this.nodes = nodes;
        this.store = store;
        this.lane = lane;
        this.clock = clock;
        this.balancing = new ReplicaBalancing(clock, metrics);
        lane.scheduleWithFixedDelay(this::reconcileAllLogged, 0, Math.max(1, intervalSeconds), TimeUnit.SECONDS);
    }

    /** A balancer that (re)starts has no pools: every deployment's is set again at the next pass. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindBalancer(LoadBalancer lb) {
        balancing.bind(lb);
        handleEvent(null);
    }

    void unbindBalancer(LoadBalancer lb) {
        balancing.unbind(lb);
    }

    @Deactivate
    void deactivate() {
        lane.shutdownNow();
        balancing.settleAll();
    }

    // ---- the service ----

    @Override
    public Deployment create(DeploymentSpec spec, String owner) {
        balancing.checkAlgorithm(spec);
        synchronized (lock) {
            requireRestored();
            if (deployments.containsKey(spec.name())) {
                throw new ConflictException("a deployment named '" + spec.name() + "' exists");
            }
            Instant now = clock.instant();
            StoredDeployment created = new StoredDeployment(spec, 1, owner, now, now, 0, List.of());
            store.save(created); // stored before it is answered; a refusal changes nothing
            deployments.put(spec.name(), created);
            LOG.info("Deployment {} created by {}: {} replicas", spec.name(), owner, spec.replicas());
            reconcile(spec.name());
            changed(spec.name());
            return view(deployments.get(spec.name()));
        }
    }

    @Override
    public Optional<Deployment> find(String name) {
        String key;
        synchronized (lock) {
            requireRestored();
            if (!deployments.containsKey(name)) {
                return Optional.empty();
            }
            key = "status:" + name + ":" + versions.getOrDefault(name, 0L) + ":" + nodeEpoch;
        }
        FogCache answers = answers();
        if (answers == null || statusTtl.isZero()) {
            return Optional.ofNullable(load(name));
        }
        return answers.getOrLoad(key, Deployment.class, statusTtl, () -> {
            Deployment view = load(name);
            if (view != null) {
                answers.subscribe(EVENT_PREFIX + name, key);
            }
            return view;
        });
    }

    private Deployment load(String name) {
        synchronized (lock) {
            StoredDeployment stored = deployments.get(name);
            return stored == null ? null : view(stored);
        }
    }

    private FogCache answers() {
        CacheService service = cache;
        return service == null ? null : service.namespace(CACHE_NAMESPACE);
    }

    /** Raises the version of {@code name}'s answers (and of every list) and evicts them here and elsewhere. */
    private void changed(String name) {
        synchronized (lock) {
            versions.merge(name, 1L, Long::sum);
            listVersion++;
        }
        CacheService service = cache;
        if (service != null) {
            service.publish(EVENT_PREFIX + name);
            service.publish(LIST_EVENT);
        }
    }

    /** A page of deployments as cached (a concrete type, so that it reads back from JSON). */
    record CachedPage(List<Deployment> items, int total, int offset, int limit) {
    }

    @Override
    public Page<Deployment> list(DeploymentQuery query) {
        String key;
        synchronized (lock) {
            requireRestored();
            key = "list:" + listVersion + ":" + nodeEpoch + ":" + digest(query.toString());
        }
        FogCache answers = answers();
        if (answers == null || listTtl.isZero()) {
            return listNow(query);
        }
        CachedPage page = answers.getOrLoad(key, CachedPage.class, listTtl, () -> {
            Page<Deployment> loaded = listNow(query);
            answers.subscribe(LIST_EVENT, key);
            return new CachedPage(loaded.items(), loaded.total(), loaded.offset(), loaded.limit());
        }).orElseThrow();
        return new Page<>(page.items(), page.total(), page.offset(), page.limit());
    }

    /** A query as a short key: its filters are user text of any length. */
    private static String digest(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private Page<Deployment> listNow(DeploymentQuery query) {
        List<Deployment> all = new ArrayList<>();
        synchronized (lock) {
            requireRestored();
            for (StoredDeployment stored : deployments.values()) {
                if (query.namePrefix() != null && !stored.spec().name().startsWith(query.namePrefix())) {
                    continue;
                }
                if (query.region() != null && !stored.spec().regions().isEmpty()
                        && !stored.spec().regions().contains(query.region())) {
                    continue;
                }
                Deployment view = view(stored);
                if (Boolean.TRUE.equals(query.onlyIncomplete()) && view.complete()) {
                    continue;
                }
                all.add(view);
            }
        }
        all.sort(switch (query.sort()) {
            case CREATED -> Comparator.comparing(Deployment::createdAt).reversed()
                    .thenComparing(Deployment::name);
            case REPLICAS -> Comparator.comparingInt((Deployment d) -> d.spec().replicas()).reversed()
                    .thenComparing(Deployment::name);
            default -> Comparator.comparing(Deployment::name);
        });
        int from = Math.min(query.offset(), all.size());
        int to = Math.min(all.size(), from + query.limit());
        return new Page<>(all.subList(from, to), all.size(), query.offset(), query.limit());
    }

    @Override
    public Deployment scale(String name, int replicas) {
        if (replicas < 0 || replicas > DeploymentSpec.MAX_REPLICAS) {
            throw new ValidationException("replicas", "replicas are 0.." + DeploymentSpec.MAX_REPLICAS + ", got "
                    + replicas);
        }
        synchronized (lock) {
            StoredDeployment current = existing(name);
            StoredDeployment scaled = new StoredDeployment(current.spec().withReplicas(replicas),
                    current.generation(), current.owner(), current.createdAt(), clock.instant(), current.nextTask(),
                    current.slots());
            store.save(scaled);
            deployments.put(name, scaled);
            LOG.info("Deployment {} scaled from {} to {} replicas", name, current.spec().replicas(), replicas);
            reconcile(name);
            changed(name);
            return view(deployments.get(name));
        }
    }

    @Override
    public Deployment update(DeploymentSpec spec) {
        balancing.checkAlgorithm(spec);
        synchronized (lock) {
            StoredDeployment current = existing(spec.name());
            long generation = spec.sameTemplate(current.spec()) ? current.generation() : current.generation() + 1;
            StoredDeployment updated = new StoredDeployment(spec, generation, current.owner(), current.createdAt(),
                    clock.instant(), current.nextTask(), current.slots());
            store.save(updated);
            deployments.put(spec.name(), updated);
            LOG.info("Deployment {} updated{}", spec.name(), generation == current.generation() ? ""
                    : " to generation " + generation + ": its replicas are replaced, at most "
                    + spec.maxUnavailable() + " down at a time");
            reconcile(spec.name());
            changed(spec.name());
            return view(deployments.get(spec.name()));
        }
    }

    @Override
    public Deployment delete(String name) {
        synchronized (lock) {
            StoredDeployment current = existing(name);
            Deployment last = view(current);
            store.remove(name);
            deployments.remove(name);
            problems.remove(name);
            for (StoredDeployment.Slot slot : current.slots()) {
                stop(slot.taskId());
            }
            balancing.forget(name);
            changed(name);
            LOG.info("Deployment {} deleted; its {} replicas taken down", name, current.slots().size());
            return last;
        }
    }

    private StoredDeployment existing(String name) {
        requireRestored();
        StoredDeployment current = deployments.get(name);
        if (current == null) {
            throw new NotFoundException("no deployment '" + name + "'");
        }
        return current;
    }

    private void requireRestored() {
        if (!restored) {
            throw new StoreUnavailableException("deployments are not loaded yet"
                    + (restoreProblem == null ? "" : ": " + restoreProblem) + "; retry shortly", null);
        }
    }

    // ---- load balancing ----

    @Override
    public Resolution resolve(String name, String sessionKey) {
        balancing.requireBalancer();
        DeploymentSpec spec;
        Map<String, Replica> running = new HashMap<>();
        synchronized (lock) {
            StoredDeployment current = existing(name);
            spec = current.spec();
            for (Replica replica : view(current).replicas()) {
                if (replica.state() == ReplicaState.RUNNING && replica.nodeId() != null) {
                    running.put(replica.nodeId(), replica);
                }
            }
        }
        return balancing.resolve(name, spec, running, sessionKey);
    }

    @Override
    public void report(String name, String leaseId, boolean success, long latencyMillis) {
        balancing.report(name, leaseId, success, latencyMillis);
    }

    /** Replicas by state as of the last pass, reconciliation passes, resolutions and reports. */
    @Override
    public void collect(MetricsSink sink) {
        metrics.collect(sink, balancing.openLeases());
    }

    private void countReplicas(long passNanos, List<StoredDeployment> reconciled) {
        int[] byState = new int[ReplicaState.values().length];
        int incomplete = 0;
        for (StoredDeployment stored : reconciled) {
            Map<String, Task> byId = tasksOf(stored.slots());
            int ready = 0;
            for (StoredDeployment.Slot slot : stored.slots()) {
                ReplicaState state = replicaState(byId.get(slot.taskId()));
                byState[state.ordinal()]++;
                ready += state == ReplicaState.RUNNING && slot.generation() == stored.generation() ? 1 : 0;
            }
            incomplete += ready < stored.spec().replicas() ? 1 : 0;
        }
        metrics.passed(passNanos, reconciled.size(), incomplete, byState);
    }

    private static ReplicaState replicaState(Task task) {
        return task == null || task.status().isFinished() ? ReplicaState.TERMINATING
                : switch (task.status()) {
                    case PENDING -> ReplicaState.PENDING;
                    case ASSIGNED -> ReplicaState.STARTING;
                    default -> ReplicaState.RUNNING;
                };
    }

    /** The running replicas' nodes become the deployment's pool, weighted by their cpu cores. */
    private void publishEndpoints(StoredDeployment deployment, Map<String, Task> byId) {
        Map<String, Double> endpoints = new TreeMap<>();
        for (StoredDeployment.Slot slot : deployment.slots()) {
            Task task = byId.get(slot.taskId());
            if (task != null && task.status() == TaskStatus.RUNNING && task.nodeId() != null) {
                Node node = nodeOrNull(task.nodeId());
                endpoints.put(task.nodeId(), node == null ? 1.0 : Math.max(1.0, node.capacity().cpuCores()));
            }
        }
        balancing.publish(deployment.spec().name(), endpoints);
    }

    // ---- reconciliation ----

    @Override
    public void handleEvent(Event event) {
        if (event != null) {
            noteChange(event);
        }
        // coalesced: one pass handles every event that arrived before it started
        if (restored && reconcileQueued.compareAndSet(false, true)) {
            try {
                lane.execute(this::reconcileAllLogged);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                reconcileQueued.set(false);
            }
        }
    }

    /** One pass now, on the caller's thread (tests). */
    void reconcileNow() {
        reconcileAllLogged();
    }

    /** A replica's task changed, or a node: the answers that could show it are not read again. */
    private void noteChange(Event event) {
        if (event.getTopic().startsWith("fog/node/")) {
            synchronized (lock) {
                nodeEpoch++;
            }
            return;
        }
        if (event.getProperty("task.id") instanceof String taskId) {
            int r = taskId.lastIndexOf("-r");
            if (r > 0) {
                String name = taskId.substring(0, r);
                boolean ours;
                synchronized (lock) {
                    ours = deployments.containsKey(name);
                }
                if (ours) {
                    changed(name);
                }
            }
        }
    }

    private void reconcileAllLogged() {
        reconcileQueued.set(false);
        balancing.settleExpired();
        try {
            if (!restored) {
                restore();
            }
            List<StoredDeployment> reconciled;
            long took;
            synchronized (lock) {
                long started = System.nanoTime();
                for (String name : new ArrayList<>(deployments.keySet())) {
                    reconcile(name);
                }
                took = System.nanoTime() - started;
                reconciled = new ArrayList<>(deployments.values());
            }
            countReplicas(took, reconciled); // outside the lock: resolutions need not wait for the count
        } catch (StoreUnavailableException e) {
            metrics.failed();
            LOG.debug("Deployments not reconciled, the database is unavailable: {}", e.getMessage());
        } catch (RuntimeException e) {
            metrics.failed();
            LOG.warn("Deployments not reconciled: {}", e.toString(), e);
        }
    }

    /**
     * Loads the deployments and cancels replica tasks no slot holds (submitted just before a crash, their slot never
     * stored): the reconciliation then places what is missing.
     */
    private void restore() {
        List<StoredDeployment> loaded;
        try {
            loaded = store.deployments();
        } catch (StoreUnavailableException e) {
            restoreProblem = e.getMessage();
            throw e;
        }
        synchronized (lock) {
            deployments.clear();
            loaded.forEach(d -> deployments.put(d.spec().name(), d));
            Set<String> held = new HashSet<>();
            loaded.forEach(d -> d.slots().forEach(s -> held.add(s.taskId())));
            for (TaskStatus status : new TaskStatus[] {TaskStatus.PENDING, TaskStatus.ASSIGNED, TaskStatus.RUNNING}) {
                for (int offset = 0; ; offset += NodeQuery.MAX_LIMIT) {
                    Page<Task> page = tasks.list(new TaskQuery(status, null, offset, NodeQuery.MAX_LIMIT));
                    for (Task task : page.items()) {
                        String job = task.spec().jobId();
                        if (job != null && job.startsWith(JOB_PREFIX) && !held.contains(task.id())) {
                            LOG.info("Replica task {} of {} is held by no slot (a crash before its slot was stored); "
                                    + "cancelled", task.id(), job.substring(JOB_PREFIX.length()));
                            stop(task.id());
                        }
                    }
                    if (offset + page.items().size() >= page.total() || page.items().isEmpty()) {
                        break;
                    }
                }
            }
            restored = true;
            restoreProblem = null;
        }
        LOG.info("Deployments restored: {}", loaded.size());
    }

    /** Carries out what {@link Reconciliation} decides for one deployment, then stores its slots. */
    private void reconcile(String name) {
        StoredDeployment current = deployments.get(name);
        if (current == null) {
            return;
        }
        Map<String, Task> byId = tasksOf(current.slots());
        List<SlotState> slots = current.slots().stream()
                .map(s -> new SlotState(s.slot(), s.taskId(), s.generation(), s.restarts())).toList();
        Reconciliation.Plan plan = Reconciliation.plan(current.spec(), current.generation(), slots, byId,
                this::nodeOrNull);
        if (plan.isEmpty()) {
            problems.put(name, waitingReason(current, byId));
            publishEndpoints(current, byId);
            return;
        }
        Map<Integer, SlotState> next = new TreeMap<>();
        slots.forEach(s -> next.put(s.slot(), s));
        for (SlotState removed : plan.remove()) {
            stop(removed.taskId());
            next.remove(removed.slot());
        }
        for (Reconciliation.Replace replace : plan.replace()) {
            stop(replace.slot().taskId());
            next.remove(replace.slot().slot());
        }
        long nextTask = current.nextTask();
        List<String> unplaced = new ArrayList<>();
        List<SlotState> toFill = new ArrayList<>();
        for (Reconciliation.Replace replace : plan.replace()) {
            SlotState old = replace.slot();
            toFill.add(new SlotState(old.slot(), null, current.generation(),
                    old.restarts() + (replace.why() == Reconciliation.Why.ENDED ? 1 : 0)));
        }
        plan.add().forEach(slot -> toFill.add(new SlotState(slot, null, current.generation(), 0)));
        toFill.sort(Comparator.comparingInt(SlotState::slot));
        for (SlotState fill : toFill) {
            Map<String, Task> known = tasksOf(next.values());
            Set<String> avoid = Reconciliation.nodesOfOthers(new ArrayList<>(next.values()), known, Set.of());
            Set<String> regions = regionsFor(current.spec(), next.values(), known);
            if (regions == null) {
                unplaced.add("slot " + fill.slot() + ": every allowed region has a replica already (spreadRegions)");
                continue;
            }
            Placement placement = new Placement(regions, current.spec().labels(), avoid);
            Task submitted = null;
            for (int attempt = 0; attempt < 3 && submitted == null; attempt++) {
                String taskId = name + "-r" + nextTask++;
                try {
                    submitted = tasks.submit(replicaTask(current, fill, taskId, placement), null);
                } catch (ConflictException taken) {
                    LOG.debug("Replica task id {} taken (a crash before the counter was stored); next", taskId);
                } catch (FogException refused) {
                    unplaced.add("slot " + fill.slot() + ": " + refused.getMessage());
                    break;
                }
            }
            if (submitted != null) {
                next.put(fill.slot(), new SlotState(fill.slot(), submitted.id(), fill.generation(), fill.restarts()));
            }
        }
        List<StoredDeployment.Slot> stored = next.values().stream()
                .map(s -> new StoredDeployment.Slot(s.slot(), s.taskId(), s.generation(), s.restarts())).toList();
        StoredDeployment reconciled = new StoredDeployment(current.spec(), current.generation(), current.owner(),
                current.createdAt(), current.updatedAt(), nextTask, stored);
        deployments.put(name, reconciled);
        changed(name);
        try {
            store.save(reconciled);
        } catch (StoreUnavailableException e) {
            // kept in memory; the next pass stores it (a crash before then: restore cancels the unheld tasks)
            LOG.debug("Deployment {} reconciled but not stored: {}", name, e.getMessage());
        }
        Map<String, Task> now = tasksOf(stored);
        String waiting = waitingReason(reconciled, now);
        problems.put(name, unplaced.isEmpty() ? waiting : String.join("; ", unplaced));
        publishEndpoints(reconciled, now);
    }

    private TaskSpec replicaTask(StoredDeployment deployment, SlotState slot, String taskId, Placement placement) {
        DeploymentSpec spec = deployment.spec();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deployment", spec.name());
        payload.put("slot", slot.slot());
        payload.put("generation", slot.generation());
        payload.put("workload", spec.workload());
        String json;
        try {
            json = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        return TaskSpec.builder().id(taskId).type("replica").priority(5).requirements(spec.resources())
                .jobId(JOB_PREFIX + spec.name()).payload(json).placement(placement).build();
    }

    /**
     * The regions a new replica may go to: the deployment's (empty: any), and with {@code spreadRegions} none that
     * another replica is in; null when that leaves none.
     */
    private Set<String> regionsFor(DeploymentSpec spec, Iterable<SlotState> others, Map<String, Task> known) {
        if (!spec.spreadRegions()) {
            return spec.regions();
        }
        Set<String> allowed = new TreeSet<>(spec.regions());
        if (allowed.isEmpty()) {
            for (Node node : nodes.list(NodeQuery.ALL).items()) {
                allowed.add(node.region());
            }
        }
        for (SlotState other : others) {
            Task task = known.get(other.taskId());
            Node node = task == null || task.nodeId() == null ? null : nodeOrNull(task.nodeId());
            if (node != null) {
                allowed.remove(node.region());
            }
        }
        return allowed.isEmpty() ? null : allowed;
    }

    private Map<String, Task> tasksOf(Iterable<?> slots) {
        Map<String, Task> byId = new HashMap<>();
        for (Object slot : slots) {
            String taskId = slot instanceof SlotState s ? s.taskId() : ((StoredDeployment.Slot) slot).taskId();
            tasks.findTask(taskId).ifPresent(task -> byId.put(taskId, task));
        }
        return byId;
    }

    private void stop(String taskId) {
        try {
            Optional<Task> task = tasks.findTask(taskId);
            if (task.isPresent() && !task.get().status().isFinished()) {
                tasks.cancel(taskId);
            }
        } catch (NotFoundException | ConflictException gone) {
            // ended meanwhile
        }
    }

    private Node nodeOrNull(String nodeId) {
        return nodes.findNode(nodeId).orElse(null);
    }

    private String waitingReason(StoredDeployment deployment, Map<String, Task> byId) {
        if (deployment.slots().size() < deployment.spec().replicas()) {
            return (deployment.spec().replicas() - deployment.slots().size()) + " replica(s) not submitted";
        }
        for (StoredDeployment.Slot slot : deployment.slots()) {
            Task task = byId.get(slot.taskId());
            if (task != null && task.status() == TaskStatus.PENDING) {
                return "replica " + slot.slot() + " waits: " + task.message();
            }
        }
        return null;
    }

    // ---- views ----

    private Deployment view(StoredDeployment stored) {
        Map<String, Task> byId = tasksOf(stored.slots());
        List<Replica> replicas = new ArrayList<>();
        int ready = 0;
        for (StoredDeployment.Slot slot : stored.slots()) {
            Task task = byId.get(slot.taskId());
            Node node = task == null || task.nodeId() == null ? null : nodeOrNull(task.nodeId());
            ReplicaState state = replicaState(task);
            if (state == ReplicaState.RUNNING && slot.generation() == stored.generation()) {
                ready++;
            }
            replicas.add(new Replica(slot.slot(), slot.taskId(), node == null ? null : node.id(), state,
                    health(node), slot.restarts(), endpoint(stored.spec(), node), slot.generation(),
                    task != null && task.status() == TaskStatus.PENDING ? task.message() : null));
        }
        return new Deployment(stored.spec(), stored.generation(), stored.owner(), stored.createdAt(),
                stored.updatedAt(), replicas, ready, problems.get(stored.spec().name()));
    }

    private String health(Node node) {
        CircuitBreakers circuits = breakers;
        if (node == null || circuits == null) {
            return "UNKNOWN";
        }
        return circuits.state(node.id()).map(state -> state.health().name()).orElse("UNKNOWN");
    }

    private static String endpoint(DeploymentSpec spec, Node node) {
        if (node == null || node.spec().address() == null) {
            return null;
        }
        int port = spec.workload().ports().isEmpty() ? node.spec().port() : spec.workload().ports().get(0);
        return node.spec().address() + ":" + port;
    }

    @Override
    public Result execute() {
        if (!restored) {
            return new Result(Result.Status.WARN, "deployments not loaded yet"
                    + (restoreProblem == null ? "" : ": " + restoreProblem));
        }
        synchronized (lock) {
            long incomplete = deployments.keySet().stream().filter(n -> problems.get(n) != null).count();
            return new Result(Result.Status.OK, deployments.size() + " deployments, " + incomplete
                    + " not complete");
        }
    }
}
