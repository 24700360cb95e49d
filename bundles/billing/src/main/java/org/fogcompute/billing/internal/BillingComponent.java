package org.fogcompute.billing.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.Node;
import org.fogcompute.api.Price;
import org.fogcompute.api.Task;
import org.fogcompute.api.ledger.Ledger;
import org.fogcompute.api.ledger.TaskBilling;
import org.fogcompute.api.pools.SharedScheduler;
import org.fogcompute.api.store.FleetStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Billing as a fog service: the coordinator asks it to hold a task's credits before admitting the task (an optional
 * reference there: without billing, tasks run unpaid); the end of a task, announced by the coordinator's events, settles
 * or refunds them; a reconciliation every minute releases what no event did (after a crash or while the database was
 * away). It depends on the ledger and on the fleet's store, where it reads a finished task and its node.
 *
 * <p>Default prices are read from the COST scheduling strategy's configuration, so that what the scheduler compares
 * and what billing charges are the same numbers.
 */
@Component(service = {TaskBilling.class, EventHandler.class, HealthCheck.class},
        configurationPid = {BillingComponent.PID, BillingComponent.PRICES_PID}, immediate = true,
        property = {"fog.service.name=billing", "fog.service.critical=false", "hc.name=Fog billing", "hc.tags=fog",
            EventConstants.EVENT_TOPIC + "=fog/task/COMPLETED", EventConstants.EVENT_TOPIC + "=fog/task/FAILED",
            EventConstants.EVENT_TOPIC + "=fog/task/CANCELLED"})
public class BillingComponent extends TaskBiller implements EventHandler, HealthCheck {
    static final String PID = "org.fogcompute.billing";
    static final String PRICES_PID = "org.fogcompute.scheduling.cost";
    private static final Logger LOG = LoggerFactory.getLogger(BillingComponent.class);

    /**
     * Both PIDs merged (no metatype: it describes one PID). See etc/org.fogcompute.billing.cfg for the meanings.
     */
    public @interface Config {
        /** REFUSE (422) or RUN_UNPAID. */
        String insufficient_credits() default "REFUSE";

        /** A task holds its hourly limit for this long (or until its deadline). */
        long hold_minutes() default 60;

        long reconcile_interval_seconds() default 60;

        /** A hold whose task the database does not have after this long was never admitted: it is refunded. */
        long orphan_grace_seconds() default 120;

        /** From the COST strategy's PID. */
        double default_price_per_core_hour() default 10.0;

        double default_price_per_gpu_hour() default 10.0;
    }

    private final ScheduledExecutorService reconciler;
    private volatile String lastReconcileProblem;

    @Activate
    public BillingComponent(@Reference Ledger ledger, @Reference FleetStore store, @Reference SharedScheduler lanes,
                            Config config) {
        super(ledger, new StoreFleet(store), Clock.systemUTC(), policyOf(config));
        reconciler = lanes.lane("billing-reconciler");
        long every = Math.max(1, config.reconcile_interval_seconds());
        // the first pass soon after start: a crash may have left finished tasks unsettled
        reconciler.scheduleWithFixedDelay(this::reconcileLogged, 5, every, TimeUnit.SECONDS);
    }

    @Modified
    void modified(Config config) {
        policy(policyOf(config));
    }

    @Deactivate
    void deactivate() {
        reconciler.shutdownNow();
    }

    static Policy policyOf(Config config) {
        WhenUnpaid whenUnpaid;
        try {
            whenUnpaid = WhenUnpaid.valueOf(config.insufficient_credits().trim().toUpperCase(java.util.Locale.ROOT)
                    .replace('-', '_'));
        } catch (IllegalArgumentException e) {
            LOG.error("insufficient.credits must be REFUSE or RUN_UNPAID, got '{}': refusing", 
                    config.insufficient_credits());
            whenUnpaid = WhenUnpaid.REFUSE;
        }
        Tariff tariff = new Tariff(new Price(config.default_price_per_core_hour(), config.default_price_per_gpu_hour()),
                Duration.ofMinutes(Math.max(1, config.hold_minutes())));
        return new Policy(tariff, whenUnpaid, Duration.ofSeconds(Math.max(10, config.orphan_grace_seconds())));
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty("task.id") instanceof String taskId) {
            try {
                ended(taskId);
            } catch (RuntimeException e) {
                LOG.warn("Credits of task {} not released yet ({}); the next reconciliation will", taskId,
                        e.getMessage());
            }
        }
    }

    private void reconcileLogged() {
        try {
            int released = reconcile();
            if (released > 0) {
                LOG.info("Reconciliation released the credits of {} finished or never admitted tasks", released);
            }
            lastReconcileProblem = null;
        } catch (RuntimeException e) {
            lastReconcileProblem = e.getMessage();
            LOG.warn("Reconciliation of held credits failed ({}); trying again in the next interval", e.getMessage());
        }
    }

    @Override
    public Result execute() {
        String problem = lastReconcileProblem;
        return problem == null
                ? new Result(Result.Status.OK, "settled " + settlements() + ", refunded " + refunds() + ", ran unpaid "
                + unpaidTasks() + " since start")
                : new Result(Result.Status.WARN, "last reconciliation failed: " + problem);
    }

    /** Finished tasks and their nodes as the fleet's database has them. */
    private record StoreFleet(FleetStore store) implements Fleet {
        @Override
        public Optional<Task> task(String taskId) {
            return store.findTask(taskId);
        }

        @Override
        public Optional<Node> node(String nodeId) {
            return store.findNode(nodeId);
        }
    }
}
