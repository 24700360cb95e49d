package org.fogcompute.harvest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.edge.Allocation;
import org.fogcompute.api.edge.DeviceClass;
import org.fogcompute.api.edge.DeviceProfiles;
import org.fogcompute.api.edge.DeviceTelemetry;
import org.fogcompute.api.edge.HarvestPolicy;
import org.fogcompute.api.edge.HarvestStore;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.ledger.Ledger;
import org.fogcompute.api.pools.SharedScheduler;
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
 * that opted in with the label {@code harvest=true} are governed), on persistence (each device's session, cooldown
 * and throttle survive a restart, and so do rewards owed) and, optionally, on the ledger: a session that ends pays the
 * device's operator {@code reward.credits.per.hour} out of the {@code harvest-pool} account, which an admin funds with
 * grants (credits are never created here). A reward the pool cannot cover, or that finds no ledger, stays owed and is
 * paid on a later round, oldest first. A session that spans a restart of the control plane counts the time it was
 * down, for the cap as for the reward.
 */
@Component(service = {HarvestPolicy.class, HealthCheck.class}, configurationPid = HarvestComponent.PID,
        property = {"fog.service.name=harvest", "fog.service.critical=false", "hc.name=Fog harvest", "hc.tags=fog"})
@Designate(ocd = HarvestComponent.Config.class)
public class HarvestComponent implements HarvestPolicy, HealthCheck {
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

    /** How often state not yet saved is saved again and owed rewards are paid. */
    private static final Duration RETRY_EVERY = Duration.ofSeconds(30);
    private static final int REWARDS_PER_ROUND = 100;

    private final DeviceProfiles profiles;
    private final HarvestStore store;
    private final Map<String, Eligibility> devices = new ConcurrentHashMap<>();
    /** Durable state changed by heartbeats and not yet saved, by node; saved in order on {@link #worker}. */
    private final Map<String, HarvestStore.DeviceState> unsaved = new ConcurrentHashMap<>();
    /** Rewards of finished sessions not yet recorded as owed (the database refused or was away). */
    private final Map<String, HarvestStore.OwedReward> unrecorded = new ConcurrentHashMap<>();
    /** Saves, restores and pays off the coordinator's thread: observe() runs under the coordinator's lock. */
    private final ScheduledExecutorService worker;
    private volatile boolean restored;
    private volatile String problem;
    private volatile String rewardProblem;
    private volatile int owedRewards;
    private volatile Eligibility.Rules rules;
    private volatile Duration drainGrace;
    private volatile double rewardPerHour;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Ledger ledger;

    @Activate
    public HarvestComponent(@Reference SharedScheduler scheduler,
                            @Reference DeviceProfiles profiles, @Reference HarvestStore store, Config config) {
        this.worker = scheduler.lane("harvest");
        this.profiles = profiles;
        this.store = store;
        modified(config);
        worker.scheduleWithFixedDelay(this::catchUp, 0, RETRY_EVERY.toSeconds(), TimeUnit.SECONDS);
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
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS); // let a save under way finish
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
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
            if (device.takeChanged()) {
                unsaved.put(node.id(), device.durable(node.id()));
                submit(this::saveChanges);
            }
        }
        if (verdict.ended() != null) {
            reward(node, verdict.ended(), now);
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
        unsaved.put(nodeId, new HarvestStore.DeviceState(nodeId, null, null, false));
        submit(this::saveChanges);
    }

    @Override
    public List<Device> devices() {
        List<Device> view = new java.util.ArrayList<>(devices.size());
        devices.forEach((nodeId, device) -> {
            synchronized (device) {
                String reason = device.observed() ? device.lastReason() : "no heartbeat since the start";
                view.add(new Device(nodeId, reason == null, reason, device.sessionStart(), device.coolingUntil()));
            }
        });
        view.sort(java.util.Comparator.comparing(Device::nodeId));
        return view;
    }

    @Override
    public Result execute() {
        String trouble = problem;
        if (!restored) {
            return new Result(Result.Status.WARN, "harvest state of before the start not restored yet"
                    + (trouble == null ? "" : ": " + trouble));
        }
        if (trouble != null) {
            return new Result(Result.Status.WARN, "harvest state not saved (" + unsaved.size() + " devices, "
                    + unrecorded.size() + " rewards; tried again every " + RETRY_EVERY.toSeconds() + " s): " + trouble);
        }
        long inSession = devices.values().stream().filter(d -> d.sessionStart() != null).count();
        String rewards = owedRewards == 0 ? "no reward owed"
                : owedRewards + " reward(s) owed" + (rewardProblem == null ? "" : ": " + rewardProblem);
        return new Result(owedRewards > 0 && rewardProblem != null ? Result.Status.WARN : Result.Status.OK,
                devices.size() + " device(s) governed, " + inSession + " in a session; " + rewards);
    }

    /** Runs the restore, save and pay round now and waits for it and everything queued before it. For tests. */
    void catchUpNow() throws Exception {
        worker.submit(this::catchUp).get();
    }

    private void submit(Runnable work) {
        try {
            worker.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Harvest policy stopping; {} device state(s) left unsaved", unsaved.size());
        }
    }

    /** Restores what was stored before the start, then saves and pays what is pending; run every 30 s as well. */
    private void catchUp() {
        try {
            if (!restored) {
                for (HarvestStore.DeviceState state : store.devices()) {
                    Eligibility device = devices.computeIfAbsent(state.nodeId(), id -> new Eligibility());
                    synchronized (device) {
                        device.restore(state);
                        device.takeChanged();
                        unsaved.put(state.nodeId(), device.durable(state.nodeId()));
                    }
                }
                restored = true;
                LOG.info("Harvest state restored: {} device(s) in a session, cooling down or throttled",
                        unsaved.size());
            }
            saveChanges();
            payOwedRewards();
        } catch (RuntimeException e) {
            problem = e.getMessage();
            LOG.warn("Harvest state not saved or restored; tried again in {} s: {}", RETRY_EVERY.toSeconds(),
                    e.getMessage());
        }
    }

    /**
     * Saves the durable state heartbeats changed, once the stored state is restored (saving before would overwrite a
     * session start or cooldown that the restore must take back).
     */
    private void saveChanges() {
        if (!restored) {
            return;
        }
        for (String nodeId : List.copyOf(unsaved.keySet())) {
            HarvestStore.DeviceState state = unsaved.get(nodeId);
            store.save(state);
            unsaved.remove(nodeId, state); // a newer state queued meanwhile stays for the next round
        }
        for (HarvestStore.OwedReward reward : List.copyOf(unrecorded.values())) {
            store.owe(reward);
            unrecorded.remove(reward.key());
        }
        problem = null;
    }

    /** Records a finished session's reward as owed, then pays it, off the caller's thread. */
    private void reward(NodeSpec node, Eligibility.Session session, Instant now) {
        long micros = Credits.micros(rewardPerHour * session.length().toMillis() / 3_600_000d);
        LOG.info("Harvest session of node {} ended: {} min", node.id(), session.length().toMinutes());
        if (micros <= 0) {
            return;
        }
        String key = "harvest:" + node.id() + ":" + session.start().toEpochMilli();
        unrecorded.put(key, new HarvestStore.OwedReward(key, node.id(), node.operatorAccount(), micros,
                "harvested " + session.length().toMinutes() + " min on " + node.id(), now));
        submit(() -> {
            try {
                saveChanges();
                payOwedRewards();
            } catch (RuntimeException e) {
                problem = e.getMessage();
                LOG.warn("Harvest reward of node {} not recorded yet; tried again in {} s: {}", node.id(),
                        RETRY_EVERY.toSeconds(), e.getMessage());
            }
        });
    }

    /**
     * Pays owed rewards out of the pool, oldest first, and stops at the first the pool cannot cover (a later grant
     * pays it on a later round). Each payment's ledger key is the reward's, so one paid just before a crash is found,
     * not paid again, when it is tried again.
     */
    private void payOwedRewards() {
        Ledger current = ledger;
        List<HarvestStore.OwedReward> owed = store.owed(REWARDS_PER_ROUND);
        owedRewards = owed.size();
        if (current == null) {
            rewardProblem = owed.isEmpty() ? null : "no ledger: paid when it is back";
            return;
        }
        for (HarvestStore.OwedReward reward : owed) {
            if (current.entry(reward.key()).isEmpty()) {
                long pool = current.account(POOL_ACCOUNT).map(a -> a.balance()).orElse(-1L);
                if (pool < reward.micros()) {
                    rewardProblem = "the account " + POOL_ACCOUNT + (pool < 0 ? " is not open" : " holds "
                            + Credits.format(pool) + " credits, the oldest reward is " + Credits.format(reward.micros()))
                            + "; an admin grant to it pays them";
                    return;
                }
                if (current.account(reward.operator()).isEmpty()) {
                    current.open(reward.operator(), org.fogcompute.api.ledger.AccountKind.OPERATOR);
                }
                current.transfer(reward.key(), POOL_ACCOUNT, reward.operator(), reward.micros(), reward.memo());
            }
            store.settled(reward.key());
            owedRewards--;
        }
        rewardProblem = null;
    }
}
