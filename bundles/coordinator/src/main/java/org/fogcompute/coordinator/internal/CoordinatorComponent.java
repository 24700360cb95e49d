package org.fogcompute.coordinator.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TopologyService;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.balancing.CircuitBreakers;
import org.fogcompute.api.edge.DeviceProfiles;
import org.fogcompute.api.edge.HarvestPolicy;
import org.fogcompute.api.ledger.NodeReputation;
import org.fogcompute.api.ledger.Reputation;
import org.fogcompute.api.ledger.TaskBilling;
import org.fogcompute.api.pools.SharedScheduler;
import org.fogcompute.api.routing.RoutingStrategies;
import org.fogcompute.api.scheduling.SchedulingStrategies;
import org.fogcompute.api.scheduling.TaskQueue;
import org.fogcompute.api.store.FleetStore;
import org.fogcompute.api.store.StoreUnavailableException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
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
 * The coordinator as an OSGi component: configured from {@code etc/org.fogcompute.coordinator.cfg}, running failure
 * detection and topology snapshots on one scheduler thread that stops with the component. Configuration changes
 * apply in place ({@code @Modified}) so that the fleet is not dropped.
 */
@Component(property = {"fog.service.name=coordinator", "fog.service.critical=true", "hc.name=Fog coordinator",
    "hc.tags=fog", EventConstants.EVENT_TOPIC + "=" + CoordinatorComponent.REPUTATION_CHANGED},
        service = {NodeRegistry.class, TaskService.class, TopologyService.class, TaskQueue.class, HealthCheck.class,
            EventHandler.class, org.fogcompute.api.privacy.TaskPathsRegistry.class,
            org.fogcompute.api.metrics.MetricsSource.class},
        configurationPid = CoordinatorComponent.PID, immediate = true)
@Designate(ocd = CoordinatorComponent.Config.class)
public class CoordinatorComponent extends Coordinator implements HealthCheck, EventHandler,
        org.fogcompute.api.metrics.MetricsSource {
    static final String PID = "org.fogcompute.coordinator";
    /** Posted by the reputation service when a node's reputation changed: node.id, score. */
    static final String REPUTATION_CHANGED = "fog/reputation/CHANGED";
    /** Reputation decays between outcomes: every node's earned score is read again this often. */
    private static final long REPUTATION_REFRESH_SECONDS = 60;
    private volatile Reputation reputationService;
    private ScheduledFuture<?> reputationRefresh;
    private final ScheduledExecutorService reputationReader;

    @ObjectClassDefinition(name = "Fog coordinator", description = "Node registry, task lifecycle, failure detection")
    public @interface Config {
        @AttributeDefinition(name = "Coordinator id")
        String coordinator_id() default "coordinator-1";

        @AttributeDefinition(name = "Heartbeat interval (s)", description = "How often nodes are expected to report")
        long heartbeat_interval_seconds() default 30;

        @AttributeDefinition(name = "Heartbeat timeout (s)", description = "Silence after which a node is OFFLINE")
        long heartbeat_timeout_seconds() default 90;

        @AttributeDefinition(name = "Phi threshold", description = "Suspicion level at which a node becomes SUSPECT")
        double phi_threshold() default 8.0;

        @AttributeDefinition(name = "Max re-routes", description = "Re-routes of a task before it FAILs")
        int max_retries() default 3;

        @AttributeDefinition(name = "Topology history size")
        int topology_history_size() default 100;

        @AttributeDefinition(name = "Topology snapshot interval (s)")
        long topology_snapshot_interval_seconds() default 30;

        @AttributeDefinition(name = "Liveness check period (ms)")
        long liveness_check_period_millis() default 1000;

        @AttributeDefinition(name = "Finished tasks kept", description = "Completed, failed and cancelled tasks kept "
                + "(the most recently finished), in memory and in the database; they survive restarts")
        int finished_task_retention() default 10000;

        @AttributeDefinition(name = "Finished task age limit (h)",
                description = "Finished tasks older than this are deleted from the database")
        long finished_task_max_age_hours() default 168;

        @AttributeDefinition(name = "Finished task pruning interval (min)")
        long finished_task_prune_interval_minutes() default 10;

        @AttributeDefinition(name = "Heartbeat save interval (s)",
                description = "Heartbeats are written to the database in one batch this often")
        long heartbeat_save_interval_seconds() default 5;

        @AttributeDefinition(name = "Restore retry interval (s)",
                description = "How often to try again to load the fleet while the database is unreachable")
        long restore_retry_interval_seconds() default 5;

        @AttributeDefinition(name = "Longest park (s)", description = "A task parked for a reason no event has cured "
                + "is tried again after this long")
        long queue_max_park_seconds() default 300;

        @AttributeDefinition(name = "Queue flush interval (s)", description = "How often every parked task is tried "
                + "again, whatever its reason (the safety net for causes no event reports)")
        long queue_flush_interval_seconds() default 30;

        @AttributeDefinition(name = "Queue timer period (ms)", description = "How often deadlines are checked and "
                + "tasks whose backoff ended are tried")
        long queue_tick_millis() default 250;

        @AttributeDefinition(name = "Database probe interval (s)",
                description = "How often the database is asked whether it answers, for health and readiness")
        long store_probe_interval_seconds() default 2;
    }

    private final Logger log = LoggerFactory.getLogger(CoordinatorComponent.class);
    private final EventAdminSink eventSink;
    private final ScheduledExecutorService scheduler;
    private final long restoreRetrySeconds;
    private ScheduledFuture<?> livenessTask;
    private ScheduledFuture<?> snapshotTask;
    private ScheduledFuture<?> heartbeatTask;
    private ScheduledFuture<?> probeTask;
    private ScheduledFuture<?> pruneTask;
    private ScheduledFuture<?> queueTask;
    /** Reachability last written to the log, so that the log says each change once. */
    private volatile boolean reportedReachable = true;
    private volatile long waitStartedNanos = System.nanoTime();
    private int restoreAttempts;
    private volatile long lastLivenessCheck;
    private volatile long livenessPeriodMillis = 1000;

    @Activate
    public CoordinatorComponent(Config config, @Reference RoutingStrategies strategies,
                                @Reference SchedulingStrategies scheduling, @Reference FleetStore store,
                                @Reference SharedScheduler lanes) {
        this(config, strategies, scheduling, store, lanes, new EventAdminSink());
    }

    private CoordinatorComponent(Config config, RoutingStrategies strategies, SchedulingStrategies scheduling,
                                 FleetStore store, SharedScheduler lanes, EventAdminSink sink) {
        super(settingsOf(config), Clock.systemUTC(), strategies, sink, store);
        updateQueueSettings(queueSettingsOf(config));
        scheduling(scheduling);
        this.eventSink = sink;
        this.restoreRetrySeconds = Math.max(1, config.restore_retry_interval_seconds());
        this.scheduler = lanes.lane("coordinator-monitor");
        // reading reputation is a database query: never in the lane that detects failures
        this.reputationReader = lanes.lane("coordinator-reputation");
        restoreOrRetry();
        schedule(config);
        log.info("Fog coordinator '{}' started", config.coordinator_id());
    }

    /**
     * Loads the fleet; while the database is unreachable, tries again later, saying so in the log each time, and
     * refuses reads and writes meanwhile. However long the database takes, the start is not given up.
     */
    private void restoreOrRetry() {
        restoreAttempts++;
        try {
            restore();
            reportedReachable = true;
            log.info("Fog coordinator restored {} node(s) and {} unfinished task(s){}", size(),
                    current().pendingTasks() + current().assignedTasks() + current().runningTasks(),
                    restoreAttempts > 1 ? " after waiting " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime()
                            - waitStartedNanos) + " s for the database" : "");
        } catch (StoreUnavailableException e) {
            log.warn("Fog coordinator waiting for its database (attempt {}, {} s so far; fleet reads and writes answer "
                    + "503 meanwhile): {}", restoreAttempts,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - waitStartedNanos), e.getMessage());
            scheduler.schedule(this::restoreOrRetry, restoreRetrySeconds, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            log.error("Fog coordinator could not load its fleet (attempt {}); trying again in {} s", restoreAttempts,
                    restoreRetrySeconds, e);
            scheduler.schedule(this::restoreOrRetry, restoreRetrySeconds, TimeUnit.SECONDS);
        }
    }

    @Override
    protected void reloadNeeded() {
        restoreAttempts = 0;
        waitStartedNanos = System.nanoTime();
        scheduler.schedule(this::restoreOrRetry, 0, TimeUnit.SECONDS);
    }

    @Modified
    void modified(Config config) {
        updateSettings(settingsOf(config));
        updateQueueSettings(queueSettingsOf(config));
        schedule(config);
        log.info("Fog coordinator configuration updated");
    }

    @Deactivate
    void deactivate() {
        stopRunning();
        scheduler.shutdownNow();
        reputationReader.shutdownNow();
        try {
            saveHeartbeats();
        } catch (StoreUnavailableException e) {
            log.warn("Last heartbeats not saved at shutdown: {}", e.getMessage());
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindEventAdmin(EventAdmin eventAdmin) {
        eventSink.set(eventAdmin);
    }

    void unbindEventAdmin(EventAdmin eventAdmin) {
        eventSink.clear(eventAdmin);
    }

    /** With the reputation service installed, nodes are routed by the reputation they earned, not what they declare. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindReputation(Reputation service) {
        reputationService = service;
        useEarnedReputation(true);
        synchronized (this) {
            if (reputationRefresh != null) {
                reputationRefresh.cancel(false);
            }
            reputationRefresh = reputationReader.scheduleWithFixedDelay(guarded("reputation refresh",
                    this::refreshReputation), 0, REPUTATION_REFRESH_SECONDS, TimeUnit.SECONDS);
        }
    }

    void unbindReputation(Reputation service) {
        if (reputationService == service) {
            reputationService = null;
            useEarnedReputation(false);
        }
    }

    /** Reads every node's earned reputation (decayed to now) from the reputation service. */
    private void refreshReputation() {
        Reputation service = reputationService;
        for (int offset = 0; service != null; offset += 1000) {
            java.util.List<NodeReputation> page = service.all(offset, 1000);
            page.forEach(r -> reputation(r.nodeId(), r.score()));
            if (page.size() < 1000) {
                return;
            }
        }
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty("node.id") instanceof String nodeId && event.getProperty("score") instanceof Double score) {
            reputation(nodeId, score);
        }
    }

    /** With device profiles installed (edge), a device is given work up to what its battery and heat allow. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindDeviceProfiles(DeviceProfiles profiles) {
        deviceProfiles(profiles);
    }

    void unbindDeviceProfiles(DeviceProfiles profiles) {
        deviceProfilesGone(profiles);
    }

    /** With the harvest policy installed, a device that opted in is used only while it is eligible. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindHarvestPolicy(HarvestPolicy policy) {
        harvestPolicy(policy);
    }

    void unbindHarvestPolicy(HarvestPolicy policy) {
        harvestPolicyGone(policy);
    }

    /** With billing installed, a task's credits are held before it is admitted; without it, tasks run unpaid. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindTaskBilling(TaskBilling service) {
        billing(service);
    }

    void unbindTaskBilling(TaskBilling service) {
        noBilling(service);
    }

    /** Nodes whose circuit is open are not chosen for tasks. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindCircuitBreakers(CircuitBreakers breakers) {
        admission(breakers::admits, breakers::tryAcquire);
    }

    void unbindCircuitBreakers(CircuitBreakers breakers) {
        admission(nodeId -> true);
    }

    private synchronized void schedule(Config config) {
        if (livenessTask != null) {
            livenessTask.cancel(false);
            snapshotTask.cancel(false);
            heartbeatTask.cancel(false);
            probeTask.cancel(false);
            pruneTask.cancel(false);
            queueTask.cancel(false);
        }
        long livenessPeriod = Math.max(10, config.liveness_check_period_millis());
        long snapshotPeriod = Math.max(1, config.topology_snapshot_interval_seconds());
        livenessPeriodMillis = livenessPeriod;
        livenessTask = scheduler.scheduleWithFixedDelay(guarded("failure detection", () -> {
            checkLiveness();
            lastLivenessCheck = System.nanoTime();
        }), livenessPeriod, livenessPeriod, TimeUnit.MILLISECONDS);
        snapshotTask = scheduler.scheduleAtFixedRate(guarded("topology snapshot", this::recordSnapshot),
                0, snapshotPeriod, TimeUnit.SECONDS);
        long heartbeatPeriod = Math.max(1, config.heartbeat_save_interval_seconds());
        heartbeatTask = scheduler.scheduleWithFixedDelay(guarded("heartbeat save", this::saveHeartbeats),
                heartbeatPeriod, heartbeatPeriod, TimeUnit.SECONDS);
        long probePeriod = Math.max(1, config.store_probe_interval_seconds());
        probeTask = scheduler.scheduleWithFixedDelay(guarded("database probe", this::probeStore), probePeriod,
                probePeriod, TimeUnit.SECONDS);
        long queuePeriod = Math.max(10, config.queue_tick_millis());
        queueTask = scheduler.scheduleWithFixedDelay(guarded("scheduling queue", this::tickQueue), queuePeriod,
                queuePeriod, TimeUnit.MILLISECONDS);
        long prunePeriod = Math.max(1, config.finished_task_prune_interval_minutes());
        pruneTask = scheduler.scheduleWithFixedDelay(guarded("finished task pruning", () -> {
            int pruned = pruneFinishedTasks();
            if (pruned > 0) {
                log.info("Deleted {} finished task(s) beyond the retention from the database", pruned);
            }
        }), 1, prunePeriod, TimeUnit.MINUTES);
    }

    /**
     * Health for Felix Health Checks: the fleet is loaded, and the failure detector ran within three of its periods
     * (a stuck monitor would leave dead nodes ACTIVE).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.fogcompute.api.resources.MemoryPressure memory;

    /** Under CRITICAL memory pressure new nodes are refused (heartbeats and reads go on). */
    @Override
    public org.fogcompute.api.Node register(org.fogcompute.api.NodeSpec spec) {
        shedRegistrations(1);
        return super.register(spec);
    }

    /** Under HIGH memory pressure a batch above the limit is refused; under CRITICAL every batch. */
    @Override
    public java.util.List<org.fogcompute.api.Node> registerAll(java.util.List<org.fogcompute.api.NodeSpec> specs) {
        shedRegistrations(specs.size());
        return super.registerAll(specs);
    }

    /** Under CRITICAL memory pressure new tasks are refused (the running ones go on). */
    @Override
    public org.fogcompute.api.Task submit(org.fogcompute.api.TaskSpec spec, String submitter) {
        org.fogcompute.api.resources.MemoryPressure pressure = memory;
        if (pressure != null && pressure.level() == org.fogcompute.api.resources.PressureLevel.CRITICAL) {
            throw new org.fogcompute.api.resources.ShedLoadException("memory pressure is CRITICAL: new tasks are "
                    + "refused until it eases (running ones, heartbeats and reads go on); retry later");
        }
        return super.submit(spec, submitter);
    }

    private void shedRegistrations(int count) {
        org.fogcompute.api.resources.MemoryPressure pressure = memory;
        if (pressure == null) {
            return;
        }
        org.fogcompute.api.resources.PressureLevel level = pressure.level();
        if (level == org.fogcompute.api.resources.PressureLevel.CRITICAL) {
            throw new org.fogcompute.api.resources.ShedLoadException("memory pressure is CRITICAL: new nodes are "
                    + "refused until it eases (heartbeats and reads go on); retry later");
        }
        if (level == org.fogcompute.api.resources.PressureLevel.HIGH && count > pressure.batchLimitUnderPressure()) {
            throw new org.fogcompute.api.resources.ShedLoadException("memory pressure is HIGH: a batch of " + count
                    + " registrations is refused (at most " + pressure.batchLimitUnderPressure() + " now); send "
                    + "smaller batches or retry later");
        }
    }

    @Override
    public void collect(org.fogcompute.api.metrics.MetricsSink sink) {
        collectMetrics(sink);
    }

    @Override
    public Result execute() {
        if (!isReady()) {
            return new Result(Result.Status.CRITICAL, "fleet not loaded yet (database unreachable?)");
        }
        if (!isStoreReachable()) {
            return new Result(Result.Status.CRITICAL, "database unreachable: writes answer 503");
        }
        long sinceMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastLivenessCheck);
        if (lastLivenessCheck != 0 && sinceMillis > 3 * livenessPeriodMillis + 1000) {
            return new Result(Result.Status.CRITICAL, "failure detection last ran " + sinceMillis + " ms ago");
        }
        return new Result(Result.Status.OK, "fleet loaded, failure detection running");
    }

    /**
     * A periodic job must survive its own failure, or the scheduler silently stops running it. An unreachable database
     * is reported once per outage, not once per tick; jobs do nothing until the fleet is loaded.
     */
    private Runnable guarded(String what, Runnable job) {
        return () -> {
            if (!isReady()) {
                return;
            }
            String cause = null;
            try {
                job.run();
            } catch (StoreUnavailableException e) {
                cause = e.getMessage();
            } catch (RuntimeException e) {
                log.error("Periodic {} failed", what, e);
            }
            reportReachability(cause);
        };
    }

    /**
     * Logs a change of the database's reachability once. Only a probe or a commit that reached the database says it
     * is back: a job that happened to need no database proves nothing.
     */
    private void reportReachability(String cause) {
        boolean reachable = isStoreReachable();
        if (reachable != reportedReachable) {
            reportedReachable = reachable;
            if (reachable) {
                log.info("Fog database reachable again");
            } else {
                log.warn("Fog database unreachable, writes answer 503 until it returns{}",
                        cause == null ? "" : ": " + cause);
            }
        }
    }

    static QueueSettings queueSettingsOf(Config config) {
        return new QueueSettings(Duration.ofSeconds(Math.max(1, config.queue_max_park_seconds())),
                Duration.ofSeconds(Math.max(1, config.queue_flush_interval_seconds())));
    }

    static CoordinatorSettings settingsOf(Config config) {
        return new CoordinatorSettings(config.coordinator_id(),
                Duration.ofSeconds(config.heartbeat_interval_seconds()),
                Duration.ofSeconds(config.heartbeat_timeout_seconds()), config.phi_threshold(), config.max_retries(),
                config.topology_history_size(), config.finished_task_retention(),
                Duration.ofHours(Math.max(0, config.finished_task_max_age_hours())));
    }
}
