package org.fogcompute.coordinator.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.fogcompute.api.Checks;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.CoordinatorHealth;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.Page;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskAssignment;
import org.fogcompute.api.TaskQuery;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.CommitStatistics;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.TopologyService;
import org.fogcompute.api.TopologySnapshot;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.edge.DeviceProfiles;
import org.fogcompute.api.edge.HarvestPolicy;
import org.fogcompute.api.privacy.NoPrivacyPathException;
import org.fogcompute.api.privacy.TaskPaths;
import org.fogcompute.api.privacy.TaskPathsRegistry;
import org.fogcompute.api.scheduling.WaitReason;
import org.fogcompute.api.ledger.TaskBilling;
import org.fogcompute.api.routing.RoutingStrategies;
import org.fogcompute.api.scheduling.QueueStats;
import org.fogcompute.api.scheduling.SchedulingStrategies;
import org.fogcompute.api.scheduling.TaskQueue;
import org.fogcompute.api.store.FleetStore;
import org.fogcompute.api.store.StoreUnavailableException;

/**
 * The fleet: registry, capacity accounting, task lifecycle, failure detection and failover.
 *
 * <p>One lock guards all state, so that a placement and its reservation are one step and no two locks can be taken
 * in opposite orders (the deadlock of the original implementation on unregister and timeout). Nothing outside this
 * class is called with the lock held except routing strategies, which must not call back; events are published
 * after the lock is released.
 */
public class Coordinator implements NodeRegistry, TaskService, TopologyService, TaskQueue, TaskPathsRegistry {
    /** The message prefix of a task that failed because its deadline passed while it waited. */
    public static final String DEADLINE_EXCEEDED = "DEADLINE_EXCEEDED";


    private final Clock clock;
    private final EventSink events;
    private final Placer placer;
    private final CoordinatorMetrics metrics = new CoordinatorMetrics();
    private final Instant startedAt;
    private final FleetState state = new FleetState();
    // short names for the parts of the state that almost every operation uses
    private final FleetIndex fleet = state.fleet;
    private final Map<String, TaskEntry> tasks = state.tasks;
    private final SchedulingQueue queue = state.queue;
    private final ArrayDeque<String> finishedOrder = state.finishedOrder;
    private final ArrayDeque<TopologySnapshot> history = new ArrayDeque<>();
    private final int[] tasksByStatus = state.tasksByStatus;
    private final RoutingStrategies strategies;
    private final FleetStore store;
    private final FleetTransactions tx;
    /** The lock that guards all state (see the class comment). */
    private final Object lock;
    private final Set<NodeEntry> heartbeatsToSave = state.heartbeatsToSave;
    /** A node without outcomes: 100 of 200 points. */
    static final double STARTING_REPUTATION = 0.5;
    private volatile CoordinatorSettings settings;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Coordinator.class);
    /** Circuits for tasks that need onion routing, from the onion service when it is attached. */
    private final java.util.concurrent.atomic.AtomicReference<TaskPaths> taskPaths =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** What may be used of each node, from the edge and harvest services when installed. */
    private final DeviceAllocation devices = new DeviceAllocation();
    /** Earned reputation by node id, while the reputation service feeds it; null otherwise. Guarded by the lock. */
    private Map<String, Double> earnedReputation;
    private final java.util.concurrent.atomic.AtomicReference<TaskBilling> billing =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile boolean running = true;
    /** The queue in front of placement: admission, order, draining, deadlines. */
    private final Dispatcher dispatcher;
    /** Takes a permit for the node a task goes to (the circuit breakers' trial permits); guarded by the lock. */
    private java.util.function.Predicate<String> acquire = nodeId -> true;

    /** A coordinator in memory only, ready at once. */
    public Coordinator(CoordinatorSettings settings, Clock clock, RoutingStrategies strategies, EventSink events) {
        this(settings, clock, strategies, events, FleetStore.NONE);
        tx.ready = true;
    }

    /** A coordinator that keeps its fleet in {@code store}; it takes writes once {@link #restore()} succeeded. */
    public Coordinator(CoordinatorSettings settings, Clock clock, RoutingStrategies strategies, EventSink events,
                       FleetStore store) {
        this.settings = settings;
        this.clock = clock;
        this.strategies = strategies;
        this.events = events;
        this.store = store;
        this.placer = new Placer(strategies, fleet);
        this.startedAt = clock.instant();
        this.tx = new FleetTransactions(state, store, events, () -> this.settings, clock, this::reloadNeeded);
        this.lock = tx.lock;
        this.dispatcher = new Dispatcher(state, tx, clock, placer, new Dispatcher.Host() {
            @Override
            public Placer.Decision attemptPlacement(TaskEntry task) {
                return Coordinator.this.attemptPlacement(task);
            }

            @Override
            public void finish(TaskEntry task, TaskStatus status, String message) {
                Coordinator.this.finish(task, status, message);
            }

            @Override
            public void announcePending(TaskEntry task) {
                emit(FogTopics.TASK_PENDING, "task.id", task.id(), TaskStatus.PENDING);
            }
        });
    }

    /**
     * The scheduling strategies: the default's order is the queue's, and a task's (or the default) admits it and may
     * prefer its node. Every change of the strategies re-sorts the queue and wakes every parked task.
     */
    public void scheduling(SchedulingStrategies strategies) {
        synchronized (lock) {
            dispatcher.scheduling(strategies);
        }
        strategies.onChange(this::schedulingChanged);
    }

    public void updateQueueSettings(QueueSettings newSettings) {
        synchronized (lock) {
            dispatcher.settings(newSettings);
        }
    }

    /** The default scheduling strategy or the set of strategies changed: new order, and every verdict may change. */
    private void schedulingChanged() {
        if (!running) {
            return; // a stopped coordinator still listening: nothing to re-sort
        }
        // even if this transaction cannot run now (database away), the next drain sorts the queue again
        dispatcher.orderChanged();
        synchronized (lock) {
            if (!tx.ready) {
                return; // restore() sorts it
            }
        }
        tx.mutate(() -> {
            queue.capacityChanged(CapacityEvent.STRATEGY_CHANGED);
            dispatcher.drain();
            return null;
        });
    }


    public boolean isReady() {
        return tx.ready;
    }

    /**
     * Asks the database whether it answers; the answer (and every commit's) is what health reports.
     *
     * @return whether reachability changed
     */
    public boolean probeStore() {
        boolean before = tx.storeReachable;
        try {
            store.ping();
            tx.storeReachable = true;
        } catch (StoreUnavailableException e) {
            tx.storeReachable = false;
        }
        return before != tx.storeReachable;
    }

    public boolean isStoreReachable() {
        return tx.storeReachable;
    }

    public void updateSettings(CoordinatorSettings newSettings) {
        this.settings = newSettings;
    }

    CoordinatorSettings settings() {
        return settings;
    }

    /** Problems in the routing indexes, for tests; empty when they match the registry. */
    List<String> indexInconsistencies() {
        synchronized (lock) {
            return fleet.inconsistencies();
        }
    }

    protected void stopRunning() {
        running = false;
    }

    // ---------------------------------------------------------------- nodes

    @Override
    public Node register(NodeSpec spec) {
        return tx.mutate(() -> {
            if (fleet.get(spec.id()) != null) {
                throw new ConflictException("node '" + spec.id() + "' is already registered");
            }
            NodeEntry entry = addNode(spec);
            queue.capacityChanged(CapacityEvent.NODE_JOINED);
            dispatcher.drain();
            return entry.snapshot();
        });
    }

    @Override
    public List<Node> registerAll(List<NodeSpec> specs) {
        return tx.mutate(() -> {
            Set<String> seen = new HashSet<>();
            for (NodeSpec spec : specs) {
                if (!seen.add(spec.id()) || fleet.get(spec.id()) != null) {
                    throw new ConflictException("node '" + spec.id() + "' is "
                            + (fleet.get(spec.id()) != null ? "already registered" : "listed twice in the batch")
                            + "; no node of the batch was registered");
                }
            }
            List<NodeEntry> added = new ArrayList<>(specs.size());
            for (NodeSpec spec : specs) {
                added.add(addNode(spec));
            }
            queue.capacityChanged(CapacityEvent.NODE_JOINED);
            dispatcher.drain();
            List<Node> result = new ArrayList<>(added.size());
            added.forEach(e -> result.add(e.snapshot()));
            return result;
        });
    }

    /** The device profiles that cap nodes (L1, the edge bundle); null when none is installed. */
    public void deviceProfiles(DeviceProfiles profiles) {
        devices.profiles(profiles);
    }

    /** Forgets {@code profiles} unless others replaced them meanwhile; nodes get their full capacity back. */
    public void deviceProfilesGone(DeviceProfiles profiles) {
        devices.profilesGone(profiles);
    }

    /** The harvest policy that says whether devices that opted in may be used (L2); null when none is installed. */
    public void harvestPolicy(HarvestPolicy policy) {
        devices.harvest(policy);
    }

    /** Forgets {@code policy} unless another replaced it meanwhile. */
    public void harvestPolicyGone(HarvestPolicy policy) {
        devices.harvestGone(policy);
    }

    private NodeEntry addNode(NodeSpec declared) {
        // a node's word on its own reputation counts for nothing once reputation is earned
        NodeSpec spec = earnedReputation == null ? declared
                : declared.withReputation(earnedReputation.getOrDefault(declared.id(), STARTING_REPUTATION));
        NodeEntry entry = new NodeEntry(state.nodeSequence++, spec, clock.instant(),
                settings.heartbeatInterval().toMillis());
        devices.allocate(entry, clock.instant());
        entry.refresh();
        fleet.add(entry);
        tx.journal().addedNodes.add(entry);
        emit(FogTopics.NODE_REGISTERED, "node.id", spec.id(), entry.snapshot().status());
        return entry;
    }

    @Override
    public Node unregister(String nodeId) {
        Node removed = unregisterCommitted(nodeId);
        devices.forget(nodeId); // once the removal is committed: a refused one keeps the node's harvest state
        return removed;
    }

    private Node unregisterCommitted(String nodeId) {
        return tx.mutate(() -> {
            NodeEntry entry = requireNode(nodeId);
            Node before = entry.snapshot();
            tx.journal().node(entry);
            fleet.remove(entry);
            tx.journal().removedNodes.add(entry);
            heartbeatsToSave.remove(entry);
            rerouteTasksOf(entry, "node '" + nodeId + "' was unregistered", false);
            emit(FogTopics.NODE_UNREGISTERED, "node.id", nodeId, null);
            dispatcher.drain();
            return before;
        });
    }

    @Override
    public Node updateStatus(String nodeId, NodeStatus status) {
        return declare(nodeId, status, false);
    }

    @Override
    public Node declareOwnStatus(String nodeId, NodeStatus status) {
        return declare(nodeId, status, true);
    }

    private Node declare(String nodeId, NodeStatus status, boolean byTheNode) {
        if (status == null || !status.isDeclarable()) {
            throw new ValidationException("status", "status can be set to ACTIVE, IDLE or MAINTENANCE, not " + status
                    + " (BUSY, SUSPECT and OFFLINE are derived by the coordinator)");
        }
        return tx.mutate(() -> {
            NodeEntry entry = requireNode(nodeId);
            if (byTheNode && entry.declaredStatus == NodeStatus.MAINTENANCE && status != NodeStatus.MAINTENANCE) {
                throw new ConflictException("node '" + nodeId + "' is in MAINTENANCE; only an operator with the admin"
                        + " role takes it out (PUT /api/nodes/" + nodeId + "/status as admin)");
            }
            tx.journal().node(entry);
            boolean returning = entry.declaredStatus == NodeStatus.MAINTENANCE && status != NodeStatus.MAINTENANCE;
            entry.declaredStatus = status;
            changed(entry);
            if (returning) {
                queue.capacityChanged(CapacityEvent.NODE_RETURNED);
            }
            dispatcher.drain();
            return entry.snapshot();
        });
    }

    @Override
    public Node heartbeat(String nodeId, NodeMetrics metrics) {
        if (metrics == null) {
            throw new ValidationException("metrics", "metrics are required");
        }
        return tx.mutate(() -> {
            NodeEntry entry = requireNode(nodeId);
            Instant now = clock.instant();
            boolean returned = entry.liveness != Liveness.ALIVE;
            if (returned) {
                tx.journal().node(entry); // a change of status is committed at once
            } else {
                entry.detector.recordInterval(Duration.between(entry.silentSince, now).toMillis());
                heartbeatsToSave.add(entry); // a plain heartbeat is saved with the next batch
            }
            entry.lastHeartbeat = now;
            entry.silentSince = now;
            entry.metrics = metrics;
            entry.liveness = Liveness.ALIVE;
            int freeBefore = entry.snapshot().freeCpu();
            devices.allocate(entry, now);
            changed(entry);
            if (returned) {
                queue.capacityChanged(CapacityEvent.NODE_RETURNED);
                dispatcher.drain();
            } else if (entry.snapshot().freeCpu() > freeBefore) {
                queue.capacityChanged(CapacityEvent.CAPACITY_FREED); // more of it may be used now
                dispatcher.drain();
            }
            return entry.snapshot();
        });
    }

    @Override
    public Optional<Node> findNode(String nodeId) {
        synchronized (lock) {
            tx.requireReady();
            NodeEntry entry = fleet.get(nodeId);
            return entry == null ? Optional.empty() : Optional.of(entry.snapshot());
        }
    }

    @Override
    public Page<Node> list(NodeQuery query) {
        synchronized (lock) {
            tx.requireReady();
            return Page.of(() -> fleet.inOrder.stream().map(NodeEntry::snapshot).iterator(), query::matches,
                    query.offset(), query.limit());
        }
    }

    @Override
    public int size() {
        synchronized (lock) {
            return fleet.size();
        }
    }

    private NodeEntry requireNode(String nodeId) {
        NodeEntry entry = nodeId == null ? null : fleet.get(nodeId);
        if (entry == null) {
            throw NotFoundException.node(nodeId);
        }
        return entry;
    }

    /** Refreshes the node's snapshot, re-files it in the indexes and announces a change of its effective status. */
    private void changed(NodeEntry entry) {
        NodeStatus before = entry.snapshot().status();
        Node after = entry.refresh();
        fleet.reindex(entry);
        if (after.status() != before) {
            emit(FogTopics.NODE_STATUS, "node.id", entry.spec.id(), after.status());
        }
    }

    // ---------------------------------------------------------------- failure detection

    /**
     * One pass of failure detection: a node whose silence is improbable (phi ≥ threshold) becomes SUSPECT; one
     * silent for the timeout becomes OFFLINE and its tasks are re-routed.
     *
     * @return how many nodes changed liveness
     */
    public int checkLiveness() {
        return tx.mutate(() -> {
            CoordinatorSettings current = settings;
            Instant now = clock.instant();
            long timeoutMillis = current.heartbeatTimeout().toMillis();
            int changedCount = 0;
            for (NodeEntry entry : new ArrayList<>(fleet.inOrder)) {
                if (entry.liveness == Liveness.OFFLINE) {
                    continue;
                }
                long silentMillis = Duration.between(entry.silentSince, now).toMillis();
                if (silentMillis >= timeoutMillis) {
                    tx.journal().node(entry);
                    entry.liveness = Liveness.OFFLINE;
                    changed(entry);
                    rerouteTasksOf(entry, "node '" + entry.spec.id() + "' went OFFLINE (no heartbeat for "
                            + silentMillis / 1000 + " s)", true);
                    changedCount++;
                } else if (entry.liveness == Liveness.ALIVE
                        && entry.detector.phi(silentMillis) >= current.phiThreshold()) {
                    tx.journal().node(entry);
                    entry.liveness = Liveness.SUSPECT;
                    changed(entry);
                    changedCount++;
                }
                if (devices.drainExpired(entry, now)) {
                    tx.journal().node(entry);
                    rerouteTasksOf(entry, "node '" + entry.spec.id() + "' left harvest eligibility ("
                            + entry.allocation.reason() + ") and its tasks did not finish within the grace", false);
                    changedCount++;
                }
            }
            if (changedCount > 0) {
                dispatcher.drain();
            }
            return changedCount;
        });
    }

    /**
     * Moves the node's tasks back to the queue (or fails them past the retries). {@code lost}: the node went silent
     * holding them, which is announced per task (reputation counts it against the node); an unregistered node was not.
     */
    private void rerouteTasksOf(NodeEntry entry, String reason, boolean lost) {
        List<String> taskIds = new ArrayList<>(entry.taskIds);
        for (String taskId : taskIds) {
            TaskEntry task = tasks.get(taskId);
            journalTask(task);
            release(task, entry);
            task.retryCount++;
            if (lost && events.enabled()) {
                Map<String, Object> properties = new HashMap<>(6);
                properties.put("task.id", task.id());
                properties.put("node.id", entry.spec.id());
                properties.put("attempt", task.retryCount);
                properties.put("coordinator.id", settings.coordinatorId());
                tx.emit(FogTopics.TASK_NODE_LOST, properties);
            }
            task.startedAt = null;
            if (task.retryCount > settings.maxRetries()) {
                finish(task, TaskStatus.FAILED, reason + "; gave up after " + settings.maxRetries() + " re-routes");
            } else {
                dispatcher.enqueue(task, reason);
            }
        }
        changed(entry);
    }

    // ---------------------------------------------------------------- tasks

    @Override
    public Task submit(TaskSpec spec, String submitter) {
        if (spec.strategy() != null && !strategies.isKnown(spec.strategy())) {
            throw new ValidationException("strategy", "unknown strategy '" + spec.strategy() + "'; available: "
                    + strategies.names());
        }
        dispatcher.requireKnownStrategy(spec);
        if (spec.deadline() != null && !spec.deadline().isAfter(clock.instant())) {
            throw new ValidationException("deadline", "deadline " + spec.deadline() + " has already passed");
        }
        TaskSpec withId = spec.id() == null ? spec.withId(UUID.randomUUID().toString()) : spec;
        if (spec.id() != null) {
            requireUnusedTaskId(spec.id());
        }
        // the most the task may cost is held before it is admitted (a database round trip, outside the lock); a crash
        // between the two leaves a hold without a task, which billing's reconciliation refunds
        TaskBilling billing = this.billing.get();
        if (billing != null) {
            synchronized (lock) {
                tx.requireReady(); // nothing is held for a task the coordinator cannot take yet
            }
        }
        boolean held = billing != null && billing.hold(withId, submitter).isPresent();
        try {
            return admit(withId, submitter);
        } catch (StoreUnavailableException unknownOutcome) {
            throw unknownOutcome; // the task may be stored after all: reconciliation settles what the database says
        } catch (RuntimeException refused) {
            if (held && !taskExists(withId.id())) {
                billing.release(withId.id()); // not admitted: nothing to pay for (a duplicate id keeps the first's hold)
            }
            throw refused;
        }
    }

    private boolean taskExists(String taskId) {
        synchronized (lock) {
            return tasks.containsKey(taskId);
        }
    }

    private Task admit(TaskSpec withId, String submitter) {
        return tx.mutate(() -> {
            if (tasks.containsKey(withId.id())) {
                throw new ConflictException("task '" + withId.id() + "' already exists");
            }
            dispatcher.admit(withId);
            TaskEntry task = new TaskEntry(withId, state.taskSequence++, clock.instant());
            task.submitter = submitter;
            tasks.put(task.id(), task);
            tx.journal().addedTasks.add(task);
            tasksByStatus[TaskStatus.PENDING.ordinal()]++;
            emit(FogTopics.TASK_SUBMITTED, "task.id", task.id(), TaskStatus.PENDING);
            queue.add(task.queued);
            dispatcher.drain();
            return task.snapshot();
        });
    }

    /**
     * A task id the client chose must not name a task the database still has, though memory may have let it go (a
     * finished task beyond the retention): a duplicate key would refuse the commit instead of answering 409.
     */
    private void requireUnusedTaskId(String taskId) {
        synchronized (lock) {
            tx.requireReady();
            if (tasks.containsKey(taskId)) {
                throw new ConflictException("task '" + taskId + "' already exists");
            }
        }
        if (store.findTask(taskId).isPresent()) {
            throw new ConflictException("task '" + taskId + "' already exists (finished; kept in the database)");
        }
    }

    /**
     * The queue's timer, called every few hundred milliseconds: fails the waiting tasks whose deadline passed, makes
     * every parked task ready once per flush interval, and tries the tasks whose backoff or park time ended.
     *
     * @return how many tasks were failed for their deadline
     */
    public int tickQueue() {
        synchronized (lock) {
            if (!tx.ready || !dispatcher.hasWork()) {
                return 0; // nothing to do: no transaction, no commit
            }
        }
        return tx.mutate(dispatcher::tick);
    }

    @Override
    public int flush() {
        return tx.mutate(dispatcher::flush);
    }

    @Override
    public QueueStats stats() {
        synchronized (lock) {
            tx.requireReady();
            return dispatcher.stats();
        }
    }

    /**
     * One placement attempt for a PENDING task that holds no reservation: on success the task is ASSIGNED with the
     * node's capacity reserved; otherwise nothing changed and the decision says why.
     */
    private Placer.Decision attemptPlacement(TaskEntry task) {
        Placer.Decision decision = decide(task.spec);
        NodeEntry target = decision.node() == null ? null : fleet.get(decision.node().id());
        // a node whose last trial permit went elsewhere since the placer looked is admitted no more: place again. A
        // task that needs onion routing gets its circuit to the node first, so that a refusal takes no permit
        for (int tries = 0; target != null && target.snapshot().canHost(task.spec); tries++) {
            Placer.Decision noPath = planPath(task, target);
            if (noPath != null) {
                return noPath;
            }
            if (acquire.test(target.spec.id())) {
                break;
            }
            if (tries == 2) {
                releasePath(task);
                return new Placer.Decision(null, null, "the chosen nodes' circuits admit no more trial tasks");
            }
            decision = decide(task.spec);
            target = decision.node() == null ? null : fleet.get(decision.node().id());
        }
        if (target == null || !target.snapshot().canHost(task.spec)) {
            return decision.node() == null ? decision
                    : new Placer.Decision(null, null, "strategy chose an unusable node");
        }
        tx.journal().task(task, true); // taken out of the queue for this attempt: an undo puts it back
        tx.journal().node(target);
        state.setStatus(task, TaskStatus.ASSIGNED);
        target.reservedCpu += task.spec.requirements().cpuCores();
        target.reservedMemoryMb += task.spec.requirements().memoryMb();
        tx.journal().taskAdded(target, task.id());
        task.nodeId = target.spec.id();
        task.routedBy = decision.strategy();
        task.message = null;
        task.assignedAt = clock.instant();
        task.assignments.add(new TaskAssignment(task.id(), task.nodeId, task.routedBy, task.retryCount + 1,
                task.assignedAt));
        changed(target);
        emit(FogTopics.TASK_ASSIGNED, "task.id", task.id(), TaskStatus.ASSIGNED);
        return decision;
    }

    /**
     * Plans the privacy path through which a task that needs one reaches the node: null when it has one or needs none,
     * else the decision to wait for a privacy path. While no privacy policy is attached such a task waits too: it is
     * never placed with less privacy than it asked for.
     */
    private Placer.Decision planPath(TaskEntry task, NodeEntry target) {
        if (!task.spec.needsPrivacyPath()) {
            return null;
        }
        TaskPaths paths = taskPaths.get();
        if (paths == null) {
            return new Placer.Decision(null, null, "no privacy path: the privacy policy service (vpn) is not running",
                    WaitReason.NO_PRIVACY_PATH);
        }
        try {
            paths.planFor(task.spec, task.submitter != null ? task.submitter : task.id(), target.spec.id(),
                    nodeId -> {
                        NodeEntry relay = fleet.get(nodeId);
                        return relay != null && relay.snapshot().canRelay();
                    });
            return null;
        } catch (NoPrivacyPathException e) {
            return new Placer.Decision(null, null, e.getMessage(), WaitReason.NO_PRIVACY_PATH);
        } catch (RuntimeException e) {
            log.warn("The privacy policy failed to plan a path for task {}: {}", task.id(), e.toString());
            return new Placer.Decision(null, null, "no privacy path planned: " + e.getMessage(),
                    WaitReason.NO_PRIVACY_PATH);
        }
    }

    /** The task no longer runs where its path leads: the privacy policy releases it. */
    private void releasePath(TaskEntry task) {
        TaskPaths paths = taskPaths.get();
        if (paths != null && task.spec.needsPrivacyPath()) {
            try {
                paths.released(task.id());
            } catch (RuntimeException e) {
                log.warn("The privacy policy failed to release the path of task {}: {}", task.id(), e.toString());
            }
        }
    }

    /** Tasks that waited because no privacy policy was attached are tried again. */
    @Override
    public void attach(TaskPaths paths) {
        taskPaths.set(paths);
        relaysChanged();
    }

    @Override
    public void detach(TaskPaths paths) {
        taskPaths.compareAndSet(paths, null);
    }

    @Override
    /**
     * Tasks waiting for a privacy path are tried again now (not at the next unrelated change): a relay joined or came
     * back, or a privacy policy was attached. A database that refuses the placements leaves them to the periodic retry.
     */
    public void relaysChanged() {
        try {
            tx.mutate(() -> {
                queue.capacityChanged(CapacityEvent.RELAYS_CHANGED);
                dispatcher.drain();
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Tasks waiting for a privacy path not placed now; the periodic retry will: {}", e.toString());
        }
    }

    @Override
    public Task start(String taskId) {
        return tx.mutate(() -> {
            TaskEntry task = requireTask(taskId);
            requireStatus(task, "start", TaskStatus.ASSIGNED);
            journalTask(task);
            state.setStatus(task, TaskStatus.RUNNING);
            task.startedAt = clock.instant();
            emit(FogTopics.TASK_STARTED, "task.id", taskId, TaskStatus.RUNNING);
            return task.snapshot();
        });
    }

    @Override
    public Task complete(String taskId) {
        return tx.mutate(() -> {
            TaskEntry task = requireTask(taskId);
            requireStatus(task, "complete", TaskStatus.ASSIGNED, TaskStatus.RUNNING);
            journalTask(task);
            NodeEntry node = fleet.get(task.nodeId);
            release(task, node);
            if (node != null) {
                tx.journal().node(node);
                node.completedTasks++;
                changed(node);
            }
            finish(task, TaskStatus.COMPLETED, null);
            queue.capacityChanged(CapacityEvent.CAPACITY_FREED);
            dispatcher.drain();
            return task.snapshot();
        });
    }

    @Override
    public Task fail(String taskId, String reason) {
        String message = reason == null || reason.isBlank() ? "failed without a reason" : reason;
        Checks.text("reason", message, 1024);
        return tx.mutate(() -> {
            TaskEntry task = requireTask(taskId);
            requireStatus(task, "fail", TaskStatus.ASSIGNED, TaskStatus.RUNNING);
            journalTask(task);
            NodeEntry node = fleet.get(task.nodeId);
            release(task, node);
            if (node != null) {
                tx.journal().node(node);
                node.failedTasks++;
                changed(node);
            }
            finish(task, TaskStatus.FAILED, message);
            queue.capacityChanged(CapacityEvent.CAPACITY_FREED);
            dispatcher.drain();
            return task.snapshot();
        });
    }

    @Override
    public Task cancel(String taskId) {
        return tx.mutate(() -> {
            TaskEntry task = requireTask(taskId);
            requireStatus(task, "cancel", TaskStatus.PENDING, TaskStatus.ASSIGNED, TaskStatus.RUNNING);
            journalTask(task);
            boolean heldCapacity = task.status.holdsReservation();
            queue.remove(task.id());
            release(task, fleet.get(task.nodeId));
            finish(task, TaskStatus.CANCELLED, "cancelled");
            if (heldCapacity) {
                queue.capacityChanged(CapacityEvent.CAPACITY_FREED);
                dispatcher.drain();
            }
            return task.snapshot();
        });
    }

    @Override
    public Optional<Task> findTask(String taskId) {
        synchronized (lock) {
            tx.requireReady();
            TaskEntry task = tasks.get(taskId);
            if (task != null) {
                return Optional.of(task.snapshot());
            }
        }
        // finished tasks beyond what memory keeps are still in the database
        return taskId == null ? Optional.empty() : store.findTask(taskId);
    }

    @Override
    public Page<Task> list(TaskQuery query) {
        synchronized (lock) {
            tx.requireReady();
            return Page.of(() -> tasks.values().stream().map(TaskEntry::snapshot).iterator(), query::matches,
                    query.offset(), query.limit());
        }
    }

    @Override
    public List<TaskAssignment> assignments(String taskId) {
        synchronized (lock) {
            tx.requireReady();
            TaskEntry task = taskId == null ? null : tasks.get(taskId);
            if (task != null) {
                return List.copyOf(task.assignments);
            }
        }
        // a finished task memory let go may still be in the database, with its placements
        if (taskId == null || store.findTask(taskId).isEmpty()) {
            throw NotFoundException.task(taskId);
        }
        return store.assignments(taskId);
    }

    private TaskEntry requireTask(String taskId) {
        TaskEntry task = taskId == null ? null : tasks.get(taskId);
        if (task == null) {
            throw NotFoundException.task(taskId);
        }
        return task;
    }

    private static void requireStatus(TaskEntry task, String action, TaskStatus... allowed) {
        for (TaskStatus status : allowed) {
            if (task.status == status) {
                return;
            }
        }
        throw new ConflictException("cannot " + action + " task '" + task.id() + "': it is " + task.status
                + " (allowed from " + java.util.Arrays.toString(allowed) + ")");
    }


    private void release(TaskEntry task, NodeEntry node) {
        if (node != null && task.status.holdsReservation() && node.taskIds.contains(task.id())) {
            tx.journal().node(node);
            tx.journal().taskRemoved(node, task.id());
            node.reservedCpu -= task.spec.requirements().cpuCores();
            node.reservedMemoryMb -= task.spec.requirements().memoryMb();
            changed(node);
        }
    }

    private void finish(TaskEntry task, TaskStatus status, String message) {
        journalTask(task);
        state.setStatus(task, status);
        task.message = message;
        task.finishedAt = clock.instant();
        emitFinished(task, status);
        finishedOrder.add(task.id());
    }


    private void journalTask(TaskEntry task) {
        tx.journal().task(task, queue.contains(task.id()));
    }

    // ---------------------------------------------------------------- topology

    @Override
    public TopologySnapshot current() {
        synchronized (lock) {
            tx.requireReady();
            return Topology.snapshot(clock.instant(), fleet.inOrder, tasksByStatus);
        }
    }

    /** Takes a snapshot into the bounded history. */
    public TopologySnapshot recordSnapshot() {
        synchronized (lock) {
            TopologySnapshot snapshot = Topology.snapshot(clock.instant(), fleet.inOrder, tasksByStatus);
            history.addLast(snapshot);
            while (history.size() > settings.topologyHistorySize()) {
                history.removeFirst();
            }
            return snapshot;
        }
    }

    @Override
    public List<TopologySnapshot> history() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    @Override
    public CoordinatorHealth health() {
        synchronized (lock) {
            Instant now = clock.instant();
            return new CoordinatorHealth(settings.coordinatorId(), running, tx.ready, tx.storeReachable, fleet.size(),
                    tasks.size(), startedAt, Duration.between(startedAt, now), tx.statistics());
        }
    }

    /**
     * Which nodes may be given tasks at all, on top of capacity and constraints: the circuit breakers' verdict
     * when the load balancer is installed.
     */
    public void admission(java.util.function.Predicate<String> admits) {
        admission(admits, admits);
    }

    /**
     * Whether nodes' reputation is the one they earned (the reputation service is installed and feeds it through
     * {@link #reputation}); without it, nodes keep what they declared.
     */
    public void useEarnedReputation(boolean earned) {
        synchronized (lock) {
            earnedReputation = earned ? new HashMap<>() : null;
        }
    }

    /**
     * A node's earned reputation (0..1) changed, or is known after a start: routing and placement use it from now on.
     * A rise may let a task waiting for a reputable node be placed.
     */
    public void reputation(String nodeId, double score) {
        if (score < 0 || score > 1 || Double.isNaN(score)) {
            return;
        }
        synchronized (lock) {
            if (earnedReputation == null) {
                return;
            }
            earnedReputation.put(nodeId, score);
            NodeEntry entry = fleet.get(nodeId);
            if (entry == null || entry.spec.reputation() == score) {
                return;
            }
            boolean rose = score > entry.spec.reputation();
            entry.earnReputation(score);
            fleet.reindex(entry);
            if (rose) {
                queue.capacityChanged(CapacityEvent.REPUTATION_ROSE);
            }
        }
    }

    /** Who holds a task's credits before it is admitted, when billing is installed; null for none (tasks run unpaid). */
    public void billing(TaskBilling service) {
        billing.set(service);
    }

    /** Forgets {@code service} unless another one replaced it meanwhile. */
    public void noBilling(TaskBilling service) {
        billing.compareAndSet(service, null);
    }

    /**
     * As {@link #admission(java.util.function.Predicate)}, with {@code acquire} taking a permit for the node a task is
     * placed on: a half-open circuit lets only its trial permits through, to tasks as to any other caller.
     */
    public void admission(java.util.function.Predicate<String> admits, java.util.function.Predicate<String> acquire) {
        synchronized (lock) {
            placer.admission(admits);
            this.acquire = acquire;
        }
    }

    // ---------------------------------------------------------------- events

    private void emit(String topic, String key, String id, Enum<?> status) {
        if (events.enabled()) {
            Map<String, Object> properties = new HashMap<>(4);
            properties.put(key, id);
            if (status != null) {
                properties.put("status", status.name());
            }
            properties.put("coordinator.id", settings.coordinatorId());
            tx.emit(topic, properties);
        }
    }

    /** A placement decision, timed for the routing latency per strategy. */
    private Placer.Decision decide(TaskSpec task) {
        long started = System.nanoTime();
        Placer.Decision decision = placer.place(task);
        metrics.decided(decision, System.nanoTime() - started);
        return decision;
    }

    /** Writes the coordinator's metrics (fleet, tasks, routing, queue, commits); before the fleet is loaded, none. */
    public void collectMetrics(org.fogcompute.api.metrics.MetricsSink sink) {
        TopologySnapshot fleetNow;
        QueueStats queueNow;
        CommitStatistics commits;
        synchronized (lock) {
            if (!tx.ready) {
                return;
            }
            fleetNow = Topology.snapshot(clock.instant(), fleet.inOrder, tasksByStatus);
            commits = tx.statistics();
        }
        queueNow = stats();
        metrics.collect(sink, fleetNow, queueNow, commits, tx.commitSeconds.snapshot(), tx.changesPerCommit.snapshot());
    }

    /** A finished task's event names the node it ran on, so that outcomes can be counted per node. */
    private void emitFinished(TaskEntry task, TaskStatus status) {
        metrics.finished(status);
        if (events.enabled()) {
            Map<String, Object> properties = new HashMap<>(6);
            properties.put("task.id", task.id());
            properties.put("status", status.name());
            if (task.nodeId != null) {
                properties.put("node.id", task.nodeId);
            }
            // what learning schedulers need: the task's type and how long it ran (from its start, else its placement)
            properties.put("task.type", task.spec.type());
            Instant began = task.startedAt != null ? task.startedAt : task.assignedAt;
            if (began != null && task.nodeId != null && status != TaskStatus.CANCELLED) {
                properties.put("duration.millis", Math.max(0, task.finishedAt.toEpochMilli() - began.toEpochMilli()));
            }
            properties.put("coordinator.id", settings.coordinatorId());
            tx.emit(FogTopics.forFinished(status), properties);
        }
    }

    // ---------------------------------------------------------------- durability

    /**
     * Loads the fleet from the store and takes it over: nodes whose last heartbeat is older than the heartbeat
     * interval start SUSPECT, every node gets a full timeout from now before it can go OFFLINE, tasks on nodes that
     * are gone are re-routed and queued tasks are placed. Writes are refused until this succeeded.
     *
     * @throws StoreUnavailableException when the store cannot be read or the take-over cannot be committed; the
     *                                   coordinator stays empty and not ready, and the call may be repeated
     */
    public void restore() {
        FleetStore.Snapshot snapshot = store.load(settings.coordinatorId(), settings.finishedTaskRetention());
        synchronized (lock) {
            tx.ready = false;
            state.clear();
            state.load(snapshot, clock.instant(), settings.heartbeatInterval().toMillis());
            dispatcher.reorder();
            tx.ready = true;
        }
        try {
            tx.mutate(() -> {
                for (TaskEntry orphan : state.tasksOfLostNodes()) {
                    journalTask(orphan);
                    orphan.retryCount++;
                    if (orphan.retryCount > settings.maxRetries()) {
                        finish(orphan, TaskStatus.FAILED, "node '" + orphan.nodeId + "' is gone after a restart; "
                                + "gave up after " + settings.maxRetries() + " re-routes");
                    } else {
                        dispatcher.enqueue(orphan, "node '" + orphan.nodeId + "' is gone after a restart");
                    }
                }
                dispatcher.drain();
                return null;
            });
        } catch (RuntimeException e) {
            synchronized (lock) {
                tx.ready = false;
                state.clear();
            }
            throw e;
        }
    }



    /**
     * Applies the retention of finished tasks to the database: at most {@code finished.task.retention} of them, none
     * older than {@code finished.task.max.age.hours}. Memory keeps the same count (see {@link FleetState}).
     *
     * @return how many rows were deleted
     */
    public int pruneFinishedTasks() {
        CoordinatorSettings current = settings;
        return store.pruneFinishedTasks(current.coordinatorId(), current.finishedTaskRetention(),
                clock.instant().minus(current.finishedTaskMaxAge()));
    }

    /**
     * A commit's outcome is unknown: the coordinator took no reads or writes since, and must load its fleet again from
     * the database, which holds the truth. The component schedules {@link #restore()}; here, the caller does.
     */
    protected void reloadNeeded() {
    }

    /**
     * Saves the heartbeats received since the last call in one batch. On failure they are kept for the next call.
     *
     * @return how many nodes were saved
     */
    public int saveHeartbeats() {
        List<NodeEntry> entries;
        List<Node> nodes = new ArrayList<>();
        synchronized (lock) {
            if (heartbeatsToSave.isEmpty()) {
                return 0;
            }
            entries = new ArrayList<>(heartbeatsToSave);
            heartbeatsToSave.clear();
            entries.forEach(entry -> nodes.add(entry.snapshot()));
        }
        try {
            store.saveHeartbeats(settings.coordinatorId(), nodes);
            tx.storeReachable = true;
            return nodes.size();
        } catch (RuntimeException e) {
            if (e instanceof StoreUnavailableException) {
                tx.storeReachable = false;
            }
            synchronized (lock) {
                for (NodeEntry entry : entries) {
                    if (fleet.get(entry.spec.id()) == entry) {
                        heartbeatsToSave.add(entry);
                    }
                }
            }
            throw e;
        }
    }
}
