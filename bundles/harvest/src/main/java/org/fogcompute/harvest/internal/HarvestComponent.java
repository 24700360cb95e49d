package org.fogcompute.harvest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.edge.Allocation;
import org.fogcompute.api.edge.DeviceClass;
import org.fogcompute.api.edge.DeviceProfiles;
import org.fogcompute.api.edge.DeviceTelemetry;
import org.fogcompute.api.edge.HarvestPolicy;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.ledger.Ledger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harvest policy as the L2 fog service. It depends on the edge service (a server is always eligible; only devices
 * that opted in with the label {@code harvest=true} are governed) and, optionally, on the ledger: a session that ends
 * pays the device's operator {@code reward.credits.per.hour} out of the {@code harvest-pool} account, which an admin
 * funds with grants (credits are never created here). Without the ledger, sessions are only logged.
 */
@Component(service = HarvestPolicy.class, configurationPid = HarvestComponent.PID,
        property = {"fog.service.name=harvest", "fog.service.critical=false"})
@Designate(ocd = HarvestComponent.Config.class)
public class HarvestComponent implements HarvestPolicy {
    static final String PID = "org.fogcompute.harvest";
    /** The label with which a device opts in. */
    static final String OPT_IN_LABEL = "harvest";
    /** The account harvest rewards are paid from. */
    static final String POOL_ACCOUNT = "harvest-pool";
    private static final Logger LOG = LoggerFactory.getLogger(HarvestComponent.class);

    @ObjectClassDefinition(name = "Fog harvest", description = "When idle devices that opted in may be used")
    public @interface Config {
        @AttributeDefinition(name = "Charging required")
        boolean charging_required() default true;

        @AttributeDefinition(name = "Minimum battery (%)")
        int min_battery_percent() default 20;

        @AttributeDefinition(name = "Maximum cpu temperature (°C)")
        double max_cpu_celsius() default 45;

        @AttributeDefinition(name = "Resume below (°C)", description = "After going over the maximum")
        double resume_cpu_celsius() default 40;

        @AttributeDefinition(name = "Unmetered network required")
        boolean unmetered_required() default true;

        @AttributeDefinition(name = "Idle user required")
        boolean idle_user_required() default true;

        @AttributeDefinition(name = "Window start (local hour)")
        int window_start_hour() default 22;

        @AttributeDefinition(name = "Window end (local hour)")
        int window_end_hour() default 7;

        @AttributeDefinition(name = "Maximum session (min)")
        long max_session_minutes() default 480;

        @AttributeDefinition(name = "Cooldown (min)")
        long cooldown_minutes() default 30;

        @AttributeDefinition(name = "Drain grace (s)", description = "Tasks of a device that left eligibility may "
                + "finish within this time, then they are given back to the queue")
        long drain_grace_seconds() default 300;

        @AttributeDefinition(name = "Reward per harvested hour (credits)", description = "Paid from harvest-pool")
        double reward_credits_per_hour() default 1.0;
    }

    private final DeviceProfiles profiles;
    private final Map<String, Eligibility> devices = new ConcurrentHashMap<>();
    private final ExecutorService rewards = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fog-harvest-rewards");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Eligibility.Rules rules;
    private volatile Duration drainGrace;
    private volatile double rewardPerHour;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Ledger ledger;

    @Activate
    public HarvestComponent(@Reference DeviceProfiles profiles, Config config) {
        this.profiles = profiles;
        modified(config);
    }

    @Modified
    void modified(Config c) {
        rules = new Eligibility.Rules(c.charging_required(), c.min_battery_percent(), c.max_cpu_celsius(),
                Math.min(c.resume_cpu_celsius(), c.max_cpu_celsius()), c.unmetered_required(), c.idle_user_required(),
                Math.floorMod(c.window_start_hour(), 24), Math.floorMod(c.window_end_hour(), 24),
                Duration.ofMinutes(Math.max(1, c.max_session_minutes())),
                Duration.ofMinutes(Math.max(0, c.cooldown_minutes())));
        drainGrace = Duration.ofSeconds(Math.max(0, c.drain_grace_seconds()));
        rewardPerHour = Math.max(0, c.reward_credits_per_hour());
    }

    @Deactivate
    void deactivate() {
        rewards.shutdown();
    }

    /** Whether the node is governed by the policy: it opted in and is not a server. */
    boolean governs(NodeSpec node, DeviceTelemetry telemetry) {
        return "true".equalsIgnoreCase(node.labels().get(OPT_IN_LABEL))
                && profiles.classify(node, telemetry) != DeviceClass.SERVER;
    }

    @Override
    public Allocation observe(NodeSpec node, DeviceTelemetry telemetry, Instant now) {
        if (!governs(node, telemetry)) {
            return Allocation.full(node.capacity().cpuCores(), node.capacity().memoryMb());
        }
        Eligibility device = devices.computeIfAbsent(node.id(), id -> new Eligibility());
        Eligibility.Verdict verdict;
        synchronized (device) {
            verdict = device.observe(rules, telemetry, now);
        }
        if (verdict.ended() != null) {
            reward(node, verdict.ended());
        }
        return verdict.eligible() ? Allocation.full(node.capacity().cpuCores(), node.capacity().memoryMb())
                : Allocation.drained("harvest: " + String.join("; ", verdict.reasons()));
    }

    @Override
    public Duration drainGrace() {
        return drainGrace;
    }

    @Override
    public void forget(String nodeId) {
        devices.remove(nodeId);
    }

    /** Pays a finished session out of the pool, off the caller's thread (the coordinator's lock is held). */
    private void reward(NodeSpec node, Eligibility.Session session) {
        long micros = Credits.micros(rewardPerHour * session.length().toMillis() / 3_600_000d);
        LOG.info("Harvest session of node {} ended: {} min", node.id(), session.length().toMinutes());
        Ledger current = ledger;
        if (current == null || micros <= 0) {
            return;
        }
        String operator = node.operatorAccount();
        String key = "harvest:" + node.id() + ":" + session.start().toEpochMilli();
        rewards.execute(() -> {
            try {
                long pool = current.account(POOL_ACCOUNT).map(a -> a.balance()).orElse(-1L);
                if (pool < micros) {
                    LOG.info("Harvest reward of node {} ({} credits) not paid: the account {} {}", node.id(),
                            Credits.format(micros), POOL_ACCOUNT, pool < 0 ? "is not open" : "holds too little");
                    return;
                }
                if (current.account(operator).isEmpty()) {
                    current.open(operator, org.fogcompute.api.ledger.AccountKind.OPERATOR);
                }
                current.transfer(key, POOL_ACCOUNT, operator, micros, "harvested " + session.length().toMinutes()
                        + " min on " + node.id());
            } catch (RuntimeException e) {
                LOG.warn("Harvest reward of node {} ({} credits) not paid: {}", node.id(), Credits.format(micros),
                        e.getMessage());
            }
        });
    }
}
