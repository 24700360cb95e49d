package org.fogcompute.orchestration.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionOptions;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.services.ServiceHealth;
import org.fogcompute.api.services.FogServices;
import org.fogcompute.api.services.ServiceGraph;
import org.fogcompute.api.services.ServiceInfo;
import org.fogcompute.api.services.ServiceOrchestrator;
import org.fogcompute.api.services.ServiceState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fog services as SCR sees them, read fresh from its DTOs on every call so that the graph follows bundles as
 * they come and go. A restart disables and re-enables the service's component rather than stopping its bundle:
 * SCR then deactivates exactly the components that depend on it and re-activates them when it is back, other
 * components of the same bundle keep running, and the bundle's wiring is not refreshed.
 */
@Component(property = {FogServices.NAME_PROPERTY + "=orchestration"}, configurationPid = OrchestrationSettings.PID)
@Designate(ocd = OrchestrationSettings.class)
public final class OrchestratorComponent implements ServiceOrchestrator {
    private static final Logger LOG = LoggerFactory.getLogger(OrchestratorComponent.class);
    private static final Duration RESTART_LIMIT = Duration.ofSeconds(30);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
    private static final Duration GIVE_UP_UNSATISFIED = Duration.ofSeconds(3);

    private final ServiceComponentRuntime scr;
    private final Map<String, Long> restarts = new ConcurrentHashMap<>();
    private final Map<String, HealthTracker> health = new ConcurrentHashMap<>();
    private final HealthPolicy policy;
    private final int timeoutMillis;
    /*
     * A thread of its own, not a lane of the shared scheduler: the health monitor restarts failed services, the
     * shared scheduler among them, so it must not stop when they do.
     */
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fog-health-monitor");
        thread.setDaemon(true);
        return thread;
    });

    /** Felix Health Checks' executor; absent until its bundle is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HealthCheckExecutor checks;

    @Activate
    public OrchestratorComponent(@Reference ServiceComponentRuntime scr, OrchestrationSettings settings) {
        this.scr = scr;
        List<Duration> backoff = new ArrayList<>();
        for (String millis : settings.restart_backoff_millis().split(",")) {
            if (!millis.isBlank()) {
                backoff.add(Duration.ofMillis(Long.parseLong(millis.trim())));
            }
        }
        this.policy = new HealthPolicy(settings.unhealthy_after(), settings.healthy_after(), settings.history_size(),
                backoff);
        this.timeoutMillis = Math.max(1, settings.health_timeout_seconds()) * 1000;
        long interval = Math.max(1, settings.health_interval_seconds());
        // a first evaluation soon after start, so that health is not UNKNOWN for a whole interval
        scheduler.scheduleWithFixedDelay(this::evaluateSafely, Math.min(interval, 5), interval, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    private void evaluateSafely() {
        try {
            evaluate();
        } catch (RuntimeException e) {
            LOG.warn("Health evaluation failed: {}", e.getMessage(), e);
        }
    }

    /**
     * Runs every check tagged "fog" (each names its service with fog.service.name), records the outcome per
     * service, and schedules the automatic restart of services that turned UNHEALTHY.
     */
    private synchronized List<ServiceHealth> evaluate() {
        HealthCheckExecutor executor = checks;
        if (executor == null) {
            return health();
        }
        Instant now = Instant.now();
        Map<String, List<HealthCheckExecutionResult>> byService = new java.util.TreeMap<>();
        for (HealthCheckExecutionResult result : executor.execute(HealthCheckSelector.tags("fog"),
                new HealthCheckExecutionOptions().setForceInstantExecution(true)
                        .setOverrideGlobalTimeout(timeoutMillis))) {
            Object service = result.getHealthCheckMetadata().getServiceReference()
                    .getProperty(FogServices.NAME_PROPERTY);
            if (service != null) {
                byService.computeIfAbsent(service.toString(), s -> new ArrayList<>()).add(result);
            }
        }
        // services whose checks are gone have no health to report any more
        health.keySet().retainAll(byService.keySet());
        byService.forEach((service, results) -> {
            boolean ok = true;
            boolean warn = false;
            StringBuilder message = new StringBuilder();
            for (HealthCheckExecutionResult result : results) {
                Result.Status status = result.hasTimedOut() ? Result.Status.CRITICAL
                        : result.getHealthCheckResult().getStatus();
                ok &= status == Result.Status.OK || status == Result.Status.WARN;
                warn |= status == Result.Status.WARN;
                if (status != Result.Status.OK) {
                    message.append(result.getHealthCheckMetadata().getName()).append(": ").append(status)
                            .append(result.hasTimedOut() ? " (timed out)" : "").append(' ')
                            .append(firstMessage(result.getHealthCheckResult())).append("; ");
                }
            }
            HealthTracker tracker = health.computeIfAbsent(service, s -> new HealthTracker(s, policy));
            tracker.record(now, ok, warn, message.length() == 0 ? "OK" : message.toString().trim());
            Duration delay = tracker.nextRestart();
            if (delay != null) {
                LOG.warn("Fog service {} is UNHEALTHY ({}); restarting it in {} ms", service,
                        tracker.snapshot().lastMessage(), delay.toMillis());
                scheduler.schedule(() -> autoRestart(service, tracker), delay.toMillis(), TimeUnit.MILLISECONDS);
            } else if (tracker.exhausted()) {
                LOG.error("Fog service {} is FAILED: automatic restarts used up; a forced restart is needed",
                        service);
            }
        });
        return health();
    }

    private static String firstMessage(Result result) {
        for (ResultLog.Entry entry : result) {
            return entry.getMessage();
        }
        return "";
    }

    private void autoRestart(String service, HealthTracker tracker) {
        try {
            restartComponent(service);
            tracker.restarted(true);
        } catch (RuntimeException e) {
            tracker.restarted(true);
            LOG.warn("Automatic restart of {} failed: {}", service, e.getMessage());
        }
    }

    /**
     * The fog services' health. A critical service that is not running has no check to run, so its absence would read
     * as health: it is reported UNHEALTHY with what it lacks, which makes the composite UNHEALTHY too.
     */
    @Override
    public List<ServiceHealth> health() {
        List<ServiceHealth> all = new ArrayList<>();
        health.values().forEach(tracker -> all.add(tracker.snapshot()));
        java.util.Set<String> reported = new java.util.HashSet<>(health.keySet());
        for (org.fogcompute.api.services.ServiceInfo info : graph().services()) {
            boolean running = info.state() == org.fogcompute.api.services.ServiceState.ACTIVE
                    || info.state() == org.fogcompute.api.services.ServiceState.SATISFIED;
            if (info.critical() && !running && reported.add(info.name())) {
                all.add(new ServiceHealth(info.name(), ServiceHealth.Status.UNHEALTHY, 0, 0, 0,
                        "not running (" + info.state() + ")" + (info.problem() == null ? "" : ": " + info.problem()),
                        Instant.now(), 0, false, List.of()));
            }
        }
        all.sort(java.util.Comparator.comparing(ServiceHealth::service));
        return all;
    }

    @Override
    public List<ServiceHealth> checkNow() {
        return evaluate();
    }

    private List<GraphBuilder.Component> components() {
        Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs();
        List<GraphBuilder.Component> components = new ArrayList<>();
        for (ComponentDescriptionDTO description : descriptions) {
            if (description.properties.get(FogServices.NAME_PROPERTY) == null) {
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
            components.add(new GraphBuilder.Component(description,
                    configurations.isEmpty() ? null : configurations.iterator().next(),
                    scr.isComponentEnabled(description)));
        }
        return components;
    }

    @Override
    public ServiceGraph graph() {
        return GraphBuilder.build(components(), restarts);
    }

    @Override
    public Optional<ServiceInfo> service(String name) {
        return graph().services().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public Restart restart(String name) {
        return restart(name, false);
    }

    @Override
    public Restart restart(String name, boolean force) {
        HealthTracker tracker = health.get(name);
        if (tracker != null && tracker.exhausted() && !force) {
            throw new ConflictException("fog service '" + name + "' used up its automatic restarts and is FAILED; "
                    + "restart it with force");
        }
        Restart restart = restartComponent(name);
        if (tracker != null) {
            tracker.restarted(false);
        }
        return restart;
    }

    private Restart restartComponent(String name) {
        ServiceInfo before = service(name).orElseThrow(() -> new NotFoundException("unknown fog service '" + name
                + "'"));
        ComponentDescriptionDTO description = components().stream()
                .filter(c -> c.serviceName().equals(name)).findFirst().orElseThrow().description();
        long started = System.nanoTime();
        try {
            scr.disableComponent(description).getValue();
            scr.enableComponent(description).getValue();
        } catch (java.lang.reflect.InvocationTargetException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("restart of " + name + " failed: " + e.getMessage(), e);
        }
        restarts.merge(name, 1L, Long::sum);
        long deadline = started + RESTART_LIMIT.toNanos();
        long nextReport = started + REPORT_EVERY.toNanos();
        long unsatisfiedSince = 0;
        ServiceInfo after;
        boolean dependentsBack;
        String waitingFor;
        do {
            after = service(name).orElseThrow();
            dependentsBack = running(after) && before.dependents().stream().allMatch(d -> service(d)
                    .map(OrchestratorComponent::running).orElse(false));
            waitingFor = dependentsBack ? null : waitingFor(after, before.dependents());
            long now = System.nanoTime();
            if (dependentsBack || now > deadline) {
                break;
            }
            // a service that lacks a required reference will not get it by being restarted: say so, do not wait 30 s
            unsatisfiedSince = after.state() == ServiceState.UNSATISFIED ? (unsatisfiedSince == 0 ? now
                    : unsatisfiedSince) : 0;
            if (unsatisfiedSince != 0 && now - unsatisfiedSince > GIVE_UP_UNSATISFIED.toNanos()) {
                waitingFor += "; gave up: it cannot start without that";
                break;
            }
            if (now > nextReport) {
                LOG.info("Restart of fog service {}: waiting for {} ({} s of at most {} s)", name, waitingFor,
                        TimeUnit.NANOSECONDS.toSeconds(now - started), RESTART_LIMIT.toSeconds());
                nextReport = now + REPORT_EVERY.toNanos();
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (true);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (dependentsBack) {
            LOG.info("Fog service {} restarted: {} in {} ms, dependents active again", name, after.state(),
                    took.toMillis());
        } else {
            LOG.warn("Fog service {} restarted: {} after {} ms, not everything is back: {}", name, after.state(),
                    took.toMillis(), waitingFor);
        }
        return new Restart(name, after.state(), took, dependentsBack, waitingFor);
    }

    /** What a restart still waits for: the service itself or the dependents not running, with their problems. */
    private String waitingFor(ServiceInfo service, List<String> dependents) {
        List<String> missing = new ArrayList<>();
        if (!running(service)) {
            missing.add(describe(service));
        }
        for (String dependent : dependents) {
            service(dependent).filter(d -> !running(d)).ifPresent(d -> missing.add(describe(d)));
        }
        return String.join("; ", missing);
    }

    private static String describe(ServiceInfo service) {
        return service.name() + " " + service.state() + (service.problem() == null ? "" : " (" + service.problem()
                + ")");
    }

    private static boolean running(ServiceInfo service) {
        return service.state() == ServiceState.ACTIVE || service.state() == ServiceState.SATISFIED;
    }
}
