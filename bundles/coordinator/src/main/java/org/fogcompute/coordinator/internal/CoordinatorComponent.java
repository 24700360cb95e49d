package org.fogcompute.coordinator.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TopologyService;
import org.fogcompute.api.routing.RoutingStrategies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
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
@Component(service = {NodeRegistry.class, TaskService.class, TopologyService.class},
        configurationPid = CoordinatorComponent.PID, immediate = true)
@Designate(ocd = CoordinatorComponent.Config.class)
public class CoordinatorComponent extends Coordinator {
    static final String PID = "org.fogcompute.coordinator";

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

        @AttributeDefinition(name = "Finished tasks kept", description = "Completed, failed and cancelled tasks kept")
        int finished_task_retention() default 10000;
    }

    private final Logger log = LoggerFactory.getLogger(CoordinatorComponent.class);
    private final EventAdminSink eventSink;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> livenessTask;
    private ScheduledFuture<?> snapshotTask;

    @Activate
    public CoordinatorComponent(Config config, @Reference RoutingStrategies strategies) {
        this(config, strategies, new EventAdminSink());
    }

    private CoordinatorComponent(Config config, RoutingStrategies strategies, EventAdminSink sink) {
        super(settingsOf(config), Clock.systemUTC(), strategies, sink);
        this.eventSink = sink;
        ThreadFactory threads = Executors.defaultThreadFactory();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = threads.newThread(runnable);
            thread.setName("fog-coordinator-monitor");
            thread.setDaemon(true);
            return thread;
        });
        schedule(config);
        log.info("Fog coordinator '{}' started", config.coordinator_id());
    }

    @Modified
    void modified(Config config) {
        updateSettings(settingsOf(config));
        schedule(config);
        log.info("Fog coordinator configuration updated");
    }

    @Deactivate
    void deactivate() {
        stopRunning();
        scheduler.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindEventAdmin(EventAdmin eventAdmin) {
        eventSink.set(eventAdmin);
    }

    void unbindEventAdmin(EventAdmin eventAdmin) {
        eventSink.clear(eventAdmin);
    }

    private synchronized void schedule(Config config) {
        if (livenessTask != null) {
            livenessTask.cancel(false);
            snapshotTask.cancel(false);
        }
        long livenessPeriod = Math.max(10, config.liveness_check_period_millis());
        long snapshotPeriod = Math.max(1, config.topology_snapshot_interval_seconds());
        livenessTask = scheduler.scheduleWithFixedDelay(guarded("failure detection", this::checkLiveness),
                livenessPeriod, livenessPeriod, TimeUnit.MILLISECONDS);
        snapshotTask = scheduler.scheduleAtFixedRate(guarded("topology snapshot", this::recordSnapshot),
                0, snapshotPeriod, TimeUnit.SECONDS);
    }

    /** A periodic job must survive its own failure, or the scheduler silently stops running it. */
    private Runnable guarded(String what, Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.error("Periodic {} failed", what, e);
            }
        };
    }

    static CoordinatorSettings settingsOf(Config config) {
        return new CoordinatorSettings(config.coordinator_id(),
                Duration.ofSeconds(config.heartbeat_interval_seconds()),
                Duration.ofSeconds(config.heartbeat_timeout_seconds()), config.phi_threshold(), config.max_retries(),
                config.topology_history_size(), config.finished_task_retention());
    }
}
