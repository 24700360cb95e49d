package org.fogcompute.onion.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.pools.SharedScheduler;
import org.fogcompute.api.privacy.Circuit;
import org.fogcompute.api.privacy.CircuitHop;
import org.fogcompute.api.privacy.CircuitPlanner;
import org.fogcompute.api.privacy.CircuitStore;
import org.fogcompute.api.privacy.TaskCircuits;
import org.fogcompute.api.privacy.TaskPathsRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The onion circuit planner as the L3 fog service. It depends on the coordinator's registry (the relays are the
 * fleet's onion-capable nodes, their reputation the earned one when the reputation service runs) and follows the
 * fleet's node events: a hop that goes suspect, offline, into maintenance or leaves has its circuits rebuilt at once,
 * and every {@code rotation.check.seconds} circuits about to expire are rotated and every hop is checked again. Users
 * of a circuit learn of each change from {@code fog/onion/CIRCUIT_REBUILT} and {@code fog/onion/CIRCUIT_CLOSED}.
 * Circuits and guard sets are kept in the database (persistence), written off the caller's thread as they change and
 * restored at start; the coordinator's task service says which task circuits still have a running task.
 */
@Component(service = {CircuitPlanner.class, TaskCircuits.class, EventHandler.class, HealthCheck.class,
        org.fogcompute.api.metrics.MetricsSource.class},
        configurationPid = OnionComponent.PID, property = {"fog.service.name=onion", "fog.service.critical=false",
        "hc.name=Fog onion", "hc.tags=fog", EventConstants.EVENT_TOPIC + "=fog/node/*",
        EventConstants.EVENT_TOPIC + "=fog/task/*"})
@Designate(ocd = OnionComponent.Config.class)
public class OnionComponent implements CircuitPlanner, TaskCircuits, EventHandler, HealthCheck,
        org.fogcompute.api.metrics.MetricsSource {
    static final String PID = "org.fogcompute.onion";
    /** How often changes a database refused are tried again (and the restore, until it succeeded). */
    private static final Duration SAVE_RETRY = Duration.ofSeconds(5);
    /** How stale the relay snapshot may be when nothing announced a change. */
    private static final Duration REFRESH_EVERY = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(OnionComponent.class);
    /**
     * The events after which a task's circuit is no longer used: the task ended. A task placed again gets its new
     * circuit in the same step ({@link #planFor} replaces the old one), so the events of a re-placement, delivered
     * later, must not close anything.
     */
    private static final java.util.Set<String> TASK_ENDS = java.util.Set.of("fog/task/COMPLETED", "fog/task/FAILED",
            "fog/task/CANCELLED");

    @ObjectClassDefinition(name = "Fog onion", description = "Onion circuits over the fleet's onion-capable nodes")
    public @interface Config {
        @AttributeDefinition(name = "Hops of a PRIVATE circuit")
        int private_hops() default 3;

        @AttributeDefinition(name = "Hops of a CONFIDENTIAL circuit")
        int confidential_hops() default 5;

        @AttributeDefinition(name = "Hops of a SECRET circuit")
        int secret_hops() default 7;

        @AttributeDefinition(name = "Circuit lifetime (min)")
        long lifetime_minutes() default 30;

        @AttributeDefinition(name = "Rotation check (s)", description = "Circuits expiring before the next check "
                + "are rebuilt, and every hop is checked again")
        long rotation_check_seconds() default 300;

        @AttributeDefinition(name = "Guard: minimum uptime (%)")
        double guard_min_uptime_percent() default 95;

        @AttributeDefinition(name = "Guard: minimum reputation")
        double guard_min_reputation() default 0.5;

        @AttributeDefinition(name = "Guards per client")
        int guards_per_client() default 3;

        @AttributeDefinition(name = "Minimum reputation of every hop", description = "A circuit's own floor applies "
                + "when higher")
        double min_reputation() default 0.0;

        @AttributeDefinition(name = "Most open circuits")
        int max_circuits() default 100_000;
    }

    private final NodeRegistry registry;
    private final TaskPathsRegistry taskPaths;
    private final TaskService tasks;
    private final CircuitStore store;
    private final CircuitBook book;
    /** Changes not yet stored, by circuit id (empty: delete) and by client; written in order on {@link #worker}. */
    private final Map<String, Optional<CircuitStore.StoredCircuit>> unsavedCircuits =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<String>> unsavedGuards = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean restored;
    private final ScheduledExecutorService worker;
    /** Set when a node event may have changed the relays; the next refresh takes a new snapshot. */
    private final AtomicBoolean stale = new AtomicBoolean(true);
    private volatile Duration rotationCheck;
    private volatile String lastProblem;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Activate
    public OnionComponent(@Reference SharedScheduler scheduler,
                          @Reference NodeRegistry registry, @Reference TaskPathsRegistry taskPaths,
                          @Reference TaskService tasks, @Reference CircuitStore store, Config config) {
        this.worker = scheduler.lane("onion");
        this.registry = registry;
        this.taskPaths = taskPaths;
        this.tasks = tasks;
        this.store = store;
        this.book = new CircuitBook(Clock.systemUTC(), rulesOf(config), this::fleet, this::canRelayNow,
                new Announcer());
        this.rotationCheck = Duration.ofSeconds(Math.max(1, config.rotation_check_seconds()));
        book.changes(new Keeper());
        worker.scheduleWithFixedDelay(this::restoreAndSave, 0, SAVE_RETRY.toSeconds(), TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(this::refreshIfStale, 0, 1, TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(() -> stale.set(true), REFRESH_EVERY.toSeconds(), REFRESH_EVERY.toSeconds(),
                TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(this::rotate, rotationCheck.toSeconds(), rotationCheck.toSeconds(),
                TimeUnit.SECONDS);
        refreshIfStale();
    }

    @Modified
    void modified(Config config) {
        book.rules(rulesOf(config));
        rotationCheck = Duration.ofSeconds(Math.max(1, config.rotation_check_seconds()));
        stale.set(true);
    }

    @Deactivate
    void deactivate() {
        try {
            worker.submit(this::save); // what changed last is stored before the service goes
            worker.shutdown();
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // already shut down
        }
        worker.shutdownNow();
    }

    static CircuitBook.Rules rulesOf(Config c) {
        return new CircuitBook.Rules(Math.max(2, c.private_hops()), Math.max(2, c.confidential_hops()),
                Math.max(2, c.secret_hops()),
                Duration.ofMinutes(Math.max(1, c.lifetime_minutes())),
                new Relays.GuardRule(c.guard_min_uptime_percent(), c.guard_min_reputation()),
                Math.max(1, c.guards_per_client()), Math.max(0, Math.min(1, c.min_reputation())),
                Math.max(1, c.max_circuits()));
    }

    /** Stored before it is answered: a circuit a client was given survives a crash right after. */
    @Override
    public Circuit plan(String client, PrivacyLevel level, double minReputation) {
        refreshIfStale();
        Circuit circuit = book.plan(client, level, minReputation);
        try {
            store.save(new CircuitStore.StoredCircuit(circuit, null));
        } catch (RuntimeException notStored) {
            book.close(circuit.id()); // not kept, so not given
            throw notStored;
        }
        return circuit;
    }

    @Override
    public int hops(PrivacyLevel level) {
        return book.hops(level);
    }

    @Override
    public Optional<Circuit> circuit(String id) {
        return book.circuit(id);
    }

    @Override
    public Optional<Circuit> circuitOfTask(String taskId) {
        return book.circuitOfTask(taskId);
    }

    @Override
    public List<Circuit> circuits(String client, int offset, int limit) {
        return book.circuits(client, offset, limit);
    }

    @Override
    public boolean close(String id) {
        return book.close(id);
    }

    @Override
    public List<CircuitHop> introductionPoints(String service, int count, double minReputation,
                                               java.util.Set<String> avoid) {
        refreshIfStale();
        return book.introductionPoints(service, count, minReputation, avoid);
    }

    @Override
    public Circuit planFor(TaskSpec task, String client, String destination, int hops, double minReputation,
                           Predicate<String> canRelay) {
        return book.planForTask(task, client, destination, hops, minReputation, canRelay);
    }

    @Override
    public void released(String taskId) {
        book.releaseTask(taskId);
    }

    /**
     * A hop that stops relaying has its circuits rebuilt at once, off the event thread; a task that ended gives its
     * circuit up.
     */
    @Override
    public void handleEvent(Event event) {
        if (event.getTopic().startsWith("fog/task/")) {
            Object taskId = event.getProperty("task.id");
            if (taskId instanceof String id && TASK_ENDS.contains(event.getTopic())) {
                book.releaseTask(id);
            }
            return;
        }
        stale.set(true);
        Object nodeId = event.getProperty("node.id");
        Object status = event.getProperty("status");
        boolean gone = event.getTopic().endsWith("/UNREGISTERED");
        boolean down = "SUSPECT".equals(status) || "OFFLINE".equals(status) || "MAINTENANCE".equals(status);
        if (nodeId instanceof String id && (gone || down)) {
            String why = gone ? "left the fleet" : "went " + status;
            worker.execute(() -> {
                int affected = book.nodeFailed(id, why);
                if (affected > 0) {
                    LOG.info("Node {} {}: {} circuit(s) rebuilt or closed", id, why, affected);
                }
            });
        }
    }

    @Override
    public Result execute() {
        String problem = lastProblem;
        if (problem != null) {
            return new Result(Result.Status.WARN, "relays not refreshed: " + problem);
        }
        return new Result(Result.Status.OK, book.size() + " open circuit(s) over " + book.relayCount()
                + " relay(s)");
    }

    /** Every registered node, a page at a time (a page holds at most {@link NodeQuery#MAX_LIMIT}). */
    private Collection<Node> fleet() {
        java.util.List<Node> nodes = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += NodeQuery.MAX_LIMIT) {
            List<Node> page = registry.list(new NodeQuery(null, null, null, null, null, offset, NodeQuery.MAX_LIMIT))
                    .items();
            nodes.addAll(page);
            if (page.size() < NodeQuery.MAX_LIMIT) {
                return nodes;
            }
        }
    }

    private boolean canRelayNow(String nodeId) {
        return registry.findNode(nodeId).map(Node::canRelay).orElse(false);
    }

    private void refreshIfStale() {
        if (stale.compareAndSet(true, false)) {
            try {
                if (book.refresh()) {
                    taskPaths.relaysChanged(); // tasks waiting for a privacy path may be placed now
                }
                lastProblem = null;
            } catch (RuntimeException e) {
                stale.set(true);
                lastProblem = e.getMessage();
                LOG.debug("Relays not refreshed: {}", e.getMessage());
            }
        }
    }

    private void rotate() {
        try {
            refreshIfStale();
            int changed = book.rotate(rotationCheck, this::taskRuns);
            if (changed > 0) {
                LOG.info("{} circuit(s) rotated or rebuilt", changed);
            }
        } catch (RuntimeException e) {
            lastProblem = e.getMessage();
            LOG.warn("Circuit rotation failed; tried again in {} s: {}", rotationCheck.toSeconds(), e.getMessage());
        }
    }

    private boolean taskRuns(String taskId) {
        try {
            return tasks.findTask(taskId).map(t -> t.status() == TaskStatus.ASSIGNED
                    || t.status() == TaskStatus.RUNNING).orElse(false);
        } catch (RuntimeException unknown) {
            return true; // the coordinator cannot say now: keep the circuit until it can
        }
    }

    /** Restores what was kept before the start (once), then stores what changed since; every 5 s as well. */
    private void restoreAndSave() {
        try {
            if (!restored) {
                book.restore(store.circuits(), store.guards());
                restored = true;
                LOG.info("Onion circuits restored: {} open", book.size());
            }
            save();
        } catch (RuntimeException e) {
            lastProblem = "circuits not stored: " + e.getMessage();
            LOG.warn("Onion circuits not restored or stored; tried again in {} s: {}", SAVE_RETRY.toSeconds(),
                    e.getMessage());
        }
    }

    /** Stores the changes queued, once the stored state is restored (saving before could overwrite a guard set). */
    private void save() {
        if (!restored) {
            return;
        }
        for (String id : List.copyOf(unsavedCircuits.keySet())) {
            Optional<CircuitStore.StoredCircuit> change = unsavedCircuits.get(id);
            if (change.isPresent()) {
                store.save(change.get());
            } else {
                store.delete(id);
            }
            unsavedCircuits.remove(id, change); // a newer change queued meanwhile stays for the next round
        }
        for (String client : List.copyOf(unsavedGuards.keySet())) {
            List<String> set = unsavedGuards.get(client);
            store.saveGuards(client, set);
            unsavedGuards.remove(client, set);
        }
        if (lastProblem != null && lastProblem.startsWith("circuits not stored")) {
            lastProblem = null;
        }
    }

    /**
     * Queues every change of the book for {@link #save}, off the caller's thread (a task's plan holds the
     * coordinator's lock).
     */
    private final class Keeper implements CircuitBook.Changes {
        @Override
        public void saved(Circuit circuit, String destination) {
            unsavedCircuits.put(circuit.id(), Optional.of(new CircuitStore.StoredCircuit(circuit, destination)));
            submitSave();
        }

        @Override
        public void deleted(String circuitId) {
            unsavedCircuits.put(circuitId, Optional.empty());
            submitSave();
        }

        @Override
        public void guards(String client, List<String> guards) {
            unsavedGuards.put(client, guards);
            submitSave();
        }

        private void submitSave() {
            try {
                worker.execute(() -> {
                    try {
                        save();
                    } catch (RuntimeException e) {
                        lastProblem = "circuits not stored: " + e.getMessage();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the last save at deactivation takes what is queued
            }
        }
    }

    /** Tells a circuit's users what happened to it. */
    private final class Announcer implements CircuitBook.Listener {
        @Override
        public void rebuilt(Circuit before, Circuit after, String reason) {
            post(CIRCUIT_REBUILT_TOPIC, after, reason);
        }

        @Override
        public void closed(Circuit circuit, String reason) {
            LOG.info("Circuit {} of {} closed: {}", circuit.id(), circuit.client(), reason);
            post(CIRCUIT_CLOSED_TOPIC, circuit, reason);
        }

        private void post(String topic, Circuit circuit, String reason) {
            EventAdmin events = eventAdmin;
            if (events != null) {
                Map<String, Object> properties = new HashMap<>();
                properties.put("circuit.id", circuit.id());
                properties.put("client", circuit.client());
                properties.put("generation", circuit.generation());
                properties.put("reason", reason);
                events.postEvent(new Event(topic, properties));
            }
        }
    }

    /** Open circuits by level, and the relays they are planned over. */
    @Override
    public void collect(org.fogcompute.api.metrics.MetricsSink sink) {
        Map<PrivacyLevel, Integer> byLevel = book.countByLevel();
        for (PrivacyLevel level : PrivacyLevel.values()) {
            if (level != PrivacyLevel.PUBLIC) {
                sink.gauge("fog_onion_circuits", "Open onion circuits by privacy level", byLevel.getOrDefault(level, 0),
                        "level", level.name());
            }
        }
        sink.gauge("fog_onion_relays", "Onion-capable nodes circuits are planned over", book.relayCount());
    }
}
