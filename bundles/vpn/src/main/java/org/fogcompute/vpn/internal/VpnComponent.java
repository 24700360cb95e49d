package org.fogcompute.vpn.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.betanet.MixnodeDirectory;
import org.fogcompute.api.pools.SharedScheduler;
import org.fogcompute.api.privacy.CircuitPlanner;
import org.fogcompute.api.privacy.HiddenService;
import org.fogcompute.api.privacy.HiddenServiceStore;
import org.fogcompute.api.privacy.HiddenServices;
import org.fogcompute.api.privacy.PrivacyPolicy;
import org.fogcompute.api.privacy.PrivacyRequirement;
import org.fogcompute.api.privacy.TaskCircuits;
import org.fogcompute.api.privacy.TaskPathsRegistry;
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
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The privacy policy as the L4 fog service. It depends on the onion planner (mandatory: every path is a circuit), on
 * the coordinator (it attaches its task paths there, so that a task that needs privacy is placed only with its full
 * path) and optionally on the mixnode directory (SECRET tasks wait while it is away: never placed with less). It also
 * keeps the hidden-service registry, whose introduction points the planner chooses, in the fleet's database.
 */
@Component(service = {PrivacyPolicy.class, HiddenServices.class, EventHandler.class, HealthCheck.class,
        org.fogcompute.api.metrics.MetricsSource.class},
        configurationPid = VpnComponent.PID, property = {"fog.service.name=vpn", "fog.service.critical=false",
        "hc.name=Fog privacy policy", "hc.tags=fog", EventConstants.EVENT_TOPIC + "=fog/node/*",
        EventConstants.EVENT_TOPIC + "=fog/task/*", EventConstants.EVENT_TOPIC + "="
        + MixnodeDirectory.CONSENSUS_PUBLISHED_TOPIC})
@Designate(ocd = VpnComponent.Config.class)
public class VpnComponent implements PrivacyPolicy, HiddenServices, EventHandler, HealthCheck,
        org.fogcompute.api.metrics.MetricsSource {
    static final String PID = "org.fogcompute.vpn";
    private static final Logger LOG = LoggerFactory.getLogger(VpnComponent.class);
    private static final long RETRY_SECONDS = 5;
    private static final Set<String> TASK_ENDS = Set.of("fog/task/COMPLETED", "fog/task/FAILED",
            "fog/task/CANCELLED");

    @ObjectClassDefinition(name = "Fog privacy policy", description = "What each privacy level asks of a task's path; "
            + "hidden services")
    public @interface Config {
        @AttributeDefinition(name = "CONFIDENTIAL and SECRET: least reputation of every hop")
        double confidential_min_reputation() default 0.8;

        @AttributeDefinition(name = "SECRET: mixnodes on the mixnet route")
        int secret_mix_hops() default 3;

        @AttributeDefinition(name = "Introduction points of a hidden service")
        int hidden_service_introduction_points() default 3;

        @AttributeDefinition(name = "Least reputation of an introduction point")
        double hidden_service_min_reputation() default 0.5;

        @AttributeDefinition(name = "Most hidden services of one owner")
        int max_hidden_services_per_owner() default 100;
    }

    private final TaskPathsRegistry registry;
    private final HiddenServiceStore store;
    private final PolicyPaths paths;
    private final HiddenServiceBook hiddenServices;
    private final HiddenServiceBook.Keeper keeper;
    private final ScheduledExecutorService worker;
    private volatile boolean restored;
    private volatile String lastProblem;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MixnodeDirectory mixnodes;

    @Activate
    public VpnComponent(@Reference SharedScheduler scheduler, @Reference CircuitPlanner planner,
                        @Reference TaskCircuits circuits,
                        @Reference TaskPathsRegistry registry, @Reference HiddenServiceStore store, Config config) {
        this.worker = scheduler.lane("vpn");
        this.registry = registry;
        this.store = store;
        this.paths = new PolicyPaths(Clock.systemUTC(), planner, circuits, () -> mixnodes, policyRules(config));
        this.hiddenServices = new HiddenServiceBook(Clock.systemUTC(), planner, serviceRules(config));
        this.keeper = new HiddenServiceBook.Keeper() {
            @Override
            public void keep(HiddenService service) {
                store.saveHiddenService(service);
            }

            @Override
            public void forget(String id) {
                store.removeHiddenService(id);
            }
        };
        worker.scheduleWithFixedDelay(this::restore, 0, RETRY_SECONDS, TimeUnit.SECONDS);
        registry.attach(paths); // from now on, tasks that need privacy are placed with their full path or wait
    }

    @Modified
    void modified(Config config) {
        paths.rules(policyRules(config));
        hiddenServices.rules(serviceRules(config));
        registry.relaysChanged(); // a lower floor may let waiting tasks through
    }

    @Deactivate
    void deactivate() {
        registry.detach(paths);
        worker.shutdownNow();
    }

    private static PolicyPaths.Rules policyRules(Config c) {
        return new PolicyPaths.Rules(Math.max(0, Math.min(1, c.confidential_min_reputation())),
                Math.max(1, c.secret_mix_hops()));
    }

    private static HiddenServiceBook.Rules serviceRules(Config c) {
        return new HiddenServiceBook.Rules(Math.max(2, Math.min(16, c.hidden_service_introduction_points())),
                Math.max(0, Math.min(1, c.hidden_service_min_reputation())),
                Math.max(1, c.max_hidden_services_per_owner()));
    }

    @Override
    public PrivacyRequirement requirement(TaskSpec task) {
        return paths.requirement(task);
    }

    @Override
    public Optional<TaskPath> path(String taskId) {
        return paths.path(taskId);
    }

    @Override
    public Map<PrivacyLevel, Integer> pathsByLevel() {
        return paths.pathsByLevel();
    }

    @Override
    public HiddenService register(String owner, String id, String publicKey, String signature) {
        requireRestored();
        HiddenService service = hiddenServices.register(owner, id, publicKey, signature, keeper);
        LOG.info("Hidden service {} of {} registered at {}", id, owner, service.onionAddress());
        return service;
    }

    @Override
    public Optional<HiddenService> service(String id) {
        requireRestored();
        return hiddenServices.service(id);
    }

    @Override
    public Optional<HiddenService> byAddress(String onionAddress) {
        requireRestored();
        return hiddenServices.byAddress(onionAddress);
    }

    @Override
    public List<HiddenService> services(String owner, int offset, int limit) {
        requireRestored();
        return hiddenServices.services(owner, offset, limit);
    }

    @Override
    public boolean remove(String id) {
        requireRestored();
        return hiddenServices.remove(id, keeper);
    }

    /**
     * A task that ended gives its path up; a relay that stops relaying has its hidden services re-introduced; a new
     * consensus may complete the paths of waiting SECRET tasks.
     */
    @Override
    public void handleEvent(Event event) {
        if (event.getTopic().equals(MixnodeDirectory.CONSENSUS_PUBLISHED_TOPIC)) {
            worker.execute(registry::relaysChanged); // SECRET tasks waiting for a mixnet route are tried again
            return;
        }
        if (event.getTopic().startsWith("fog/task/")) {
            if (TASK_ENDS.contains(event.getTopic()) && event.getProperty("task.id") instanceof String taskId) {
                paths.ended(taskId);
            }
            return;
        }
        Object status = event.getProperty("status");
        boolean gone = event.getTopic().endsWith("/UNREGISTERED");
        boolean down = "SUSPECT".equals(status) || "OFFLINE".equals(status) || "MAINTENANCE".equals(status);
        if (event.getProperty("node.id") instanceof String nodeId && (gone || down)) {
            worker.execute(() -> reintroduce(nodeId));
        }
    }

    private void reintroduce(String nodeId) {
        if (!restored) {
            return;
        }
        try {
            List<String> problems = hiddenServices.nodeFailed(nodeId, keeper);
            lastProblem = problems.isEmpty() ? null : "introduction points not fully re-chosen: "
                    + String.join("; ", problems);
        } catch (RuntimeException e) {
            lastProblem = "introduction points of " + nodeId + "'s services not re-chosen: " + e.getMessage();
            LOG.warn("Introduction points not re-chosen after {} stopped relaying; tried again in {} s: {}", nodeId,
                    RETRY_SECONDS, e.getMessage());
            worker.schedule(() -> reintroduce(nodeId), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public Result execute() {
        if (!restored) {
            return new Result(Result.Status.WARN, "hidden services not loaded yet" + (lastProblem == null ? ""
                    : ": " + lastProblem));
        }
        if (lastProblem != null) {
            return new Result(Result.Status.WARN, lastProblem);
        }
        return new Result(Result.Status.OK, "task paths by level " + paths.pathsByLevel() + ", "
                + hiddenServices.size() + " hidden service(s)" + (mixnodes == null
                ? "; SECRET tasks wait: the mixnode directory (betanet) is not running" : ""));
    }

    private void restore() {
        if (restored) {
            return;
        }
        try {
            List<HiddenService> stored = store.hiddenServices();
            hiddenServices.restore(stored);
            restored = true;
            lastProblem = null;
            LOG.info("Hidden services restored: {}", stored.size());
        } catch (RuntimeException e) {
            lastProblem = e.getMessage();
            LOG.warn("Hidden services not restored; tried again in {} s: {}", RETRY_SECONDS, e.getMessage());
        }
    }

    private void requireRestored() {
        if (!restored) {
            throw new StoreUnavailableException("the hidden services are not loaded from the database yet; retry "
                    + "shortly", null);
        }
    }

    @Override
    public void collect(org.fogcompute.api.metrics.MetricsSink sink) {
        Map<PrivacyLevel, Integer> held = paths.pathsByLevel();
        for (PrivacyLevel level : PrivacyLevel.values()) {
            if (level != PrivacyLevel.PUBLIC) {
                sink.gauge("fog_vpn_task_paths", "Placed tasks holding a privacy path, by level",
                        held.getOrDefault(level, 0), "level", level.name());
            }
        }
        sink.gauge("fog_vpn_hidden_services", "Registered hidden services", hiddenServices.size());
    }
}
