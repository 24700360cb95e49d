package org.fogcompute.billing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.Node;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.ledger.Account;
import org.fogcompute.api.ledger.AccountKind;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.ledger.InsufficientCreditsException;
import org.fogcompute.api.ledger.JournalEntry;
import org.fogcompute.api.ledger.Ledger;
import org.fogcompute.api.ledger.TaskBilling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task economics over the ledger. A hold is an escrow keyed by the task; its release (a settlement when the task
 * completed, a refund otherwise) is keyed by the task too, so it happens once whoever asks first: the event of the
 * task's end, or the reconciliation that finds holds whose task ended while no event was handled (a crash, a
 * database away) or whose task was never admitted (a crash between the hold and the task's commit).
 */
class TaskBiller implements TaskBilling {
    private static final Logger LOG = LoggerFactory.getLogger(TaskBiller.class);
    private static final int RECONCILE_PAGE = 200;

    /** What happens to a task whose submitter cannot pay what it may cost. */
    enum WhenUnpaid {
        /** Refused: 422 with the reason. */
        REFUSE,
        /** Admitted without a hold; its node is not paid for it. */
        RUN_UNPAID
    }

    /** The settings that an operator may change while running. */
    record Policy(Tariff tariff, WhenUnpaid whenUnpaid, Duration orphanGrace) {
    }

    /** A finished task and the node it ran on, when the node is still registered. */
    interface Fleet {
        Optional<Task> task(String taskId);

        Optional<Node> node(String nodeId);
    }

    private final Ledger ledger;
    private final Fleet fleet;
    private final Clock clock;
    private volatile Policy policy;
    /** Tasks held by this runtime since it started: an event for any other task needs no ledger lookup. */
    private final Set<String> heldHere = ConcurrentHashMap.newKeySet();
    private final AtomicLong unpaid = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private final AtomicLong refunded = new AtomicLong();

    TaskBiller(Ledger ledger, Fleet fleet, Clock clock, Policy policy) {
        this.ledger = ledger;
        this.fleet = fleet;
        this.clock = clock;
        this.policy = policy;
    }

    void policy(Policy changed) {
        this.policy = changed;
    }

    Policy policy() {
        return policy;
    }

    @Override
    public Optional<JournalEntry> hold(TaskSpec task, String submitter) {
        if (submitter == null || task.id() == null) {
            return Optional.empty(); // the runtime's own tasks (the simulator's, for instance) run unpaid
        }
        Policy now = policy;
        long amount = now.tariff().maxCharge(task, clock.instant());
        if (amount == 0) {
            return Optional.empty(); // free: nothing to hold
        }
        if (ledger.account(submitter).isEmpty()) {
            try {
                ledger.open(submitter, AccountKind.SUBMITTER); // with nothing in it: opening grants nothing
            } catch (ConflictException raced) {
                // opened concurrently, or open with another kind: either way it can pay
            }
        }
        try {
            JournalEntry held = ledger.escrow(task.id(), submitter, amount);
            heldHere.add(task.id());
            return Optional.of(held);
        } catch (InsufficientCreditsException e) {
            if (now.whenUnpaid() == WhenUnpaid.RUN_UNPAID) {
                unpaid.incrementAndGet();
                return Optional.empty();
            }
            throw new InsufficientCreditsException("account '" + submitter + "' cannot pay for task '" + task.id()
                    + "': it may cost up to " + Credits.format(amount) + " credits (" + now.tariff().hourlyLimit(task)
                    + " credits/hour for at most " + describe(now.tariff().holdTime()) + ") and the account has "
                    + Credits.format(ledger.account(submitter).map(a -> a.balance()).orElse(0L))
                    + "; an admin grants credits (fog:ledger-grant " + submitter + " <credits>), a lower priceLimit "
                    + "holds less, or insufficient.credits=RUN_UNPAID in etc/org.fogcompute.billing.cfg runs such "
                    + "tasks unpaid");
        }
    }

    @Override
    public void release(String taskId) {
        heldHere.remove(taskId);
        try {
            ledger.refund(taskId);
            refunded.incrementAndGet();
        } catch (NotFoundException | ConflictException nothingHeld) {
            // nothing was held, or it was released already
        }
    }

    /** The task ended (an event said so): settles or refunds it when this runtime holds its credits. */
    void ended(String taskId) {
        if (heldHere.contains(taskId)) {
            fleet.task(taskId).ifPresent(this::release);
        }
    }

    /**
     * Releases what is held for a finished task: its node's operator is paid for a completed one, the rest (or all of
     * it) goes back to the submitter. Does nothing for a task still waiting or running.
     */
    void release(Task task) {
        if (!task.status().isFinished()) {
            return;
        }
        if (ledger.entry(Ledger.escrowKey(task.id())).isEmpty()) {
            heldHere.remove(task.id()); // it ran unpaid: no account to open, nobody to pay
            return;
        }
        try {
            if (task.status() == TaskStatus.COMPLETED && task.nodeId() != null) {
                Optional<Node> node = fleet.node(task.nodeId());
                String operator = node.map(Tariff::operatorOf).orElse(task.nodeId());
                Optional<Account> payee = ledger.account(operator);
                if (payee.isPresent() && payee.get().kind() != AccountKind.OPERATOR
                        && payee.get().kind() != AccountKind.SUBMITTER) {
                    // a node naming the treasury or the escrow as its operator must not lock the credits: refunded
                    LOG.warn("Node {} names the {} account '{}' as its operator: task {} is refunded, not paid",
                            task.nodeId(), payee.get().kind(), operator, task.id());
                    ledger.refund(task.id());
                    refunded.incrementAndGet();
                    heldHere.remove(task.id());
                    return;
                }
                if (payee.isEmpty()) {
                    try {
                        ledger.open(operator, AccountKind.OPERATOR);
                    } catch (ConflictException raced) {
                        // opened concurrently
                    }
                }
                long charge = policy.tariff().charge(task.requirements(), node.map(n -> n.spec().price()).orElse(null),
                        runMillis(task));
                ledger.settle(task.id(), operator, charge);
                settled.incrementAndGet();
            } else {
                ledger.refund(task.id());
                refunded.incrementAndGet();
            }
            heldHere.remove(task.id());
        } catch (NotFoundException nothingHeld) {
            heldHere.remove(task.id()); // it ran unpaid
        } catch (ConflictException releasedAlready) {
            heldHere.remove(task.id());
        }
    }

    /**
     * Finds holds whose task ended or was never admitted and releases them.
     *
     * @return how many holds were released
     */
    int reconcile() {
        Instant orphanBefore = clock.instant().minus(policy.orphanGrace());
        int released = 0;
        int kept = 0; // holds left in place come first in the next page
        while (true) {
            List<JournalEntry> holds = ledger.holds(kept, RECONCILE_PAGE);
            for (JournalEntry hold : holds) {
                String taskId = Ledger.taskOf(hold.key());
                Optional<Task> task = fleet.task(taskId);
                if (task.isPresent() && task.get().status().isFinished()) {
                    release(task.get());
                    released++;
                } else if (task.isEmpty() && hold.at().isBefore(orphanBefore)) {
                    LOG.info("Refunding the credits held for task {}: it was never admitted", taskId);
                    release(taskId);
                    released++;
                } else {
                    kept++;
                }
            }
            if (holds.size() < RECONCILE_PAGE) {
                return released;
            }
        }
    }

    /** How long the task ran: from its start, else from its placement, to its end. */
    static long runMillis(Task task) {
        Instant began = task.startedAt() != null ? task.startedAt() : task.assignedAt();
        if (began == null || task.finishedAt() == null) {
            return 0;
        }
        return Math.max(0, task.finishedAt().toEpochMilli() - began.toEpochMilli());
    }

    long unpaidTasks() {
        return unpaid.get();
    }

    long settlements() {
        return settled.get();
    }

    long refunds() {
        return refunded.get();
    }

    private static String describe(Duration duration) {
        return duration.toMinutes() % 60 == 0 ? duration.toHours() + " h" : duration.toMinutes() + " min";
    }
}
