package org.fogcompute.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.Price;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.ledger.Account;
import org.fogcompute.api.ledger.AccountKind;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.ledger.EntryKind;
import org.fogcompute.api.ledger.InsufficientCreditsException;
import org.fogcompute.api.ledger.JournalEntry;
import org.fogcompute.api.ledger.LedgerStore;
import org.fogcompute.ledger.internal.DoubleEntryLedger;
import org.fogcompute.ledger.internal.EmbeddedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Task economics on the real ledger and store over embedded Derby; the fleet's database is a map here. */
class TaskBillerTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final TaskBiller.Fleet fleet = new TaskBiller.Fleet() {
        @Override
        public Optional<Task> task(String taskId) {
            return Optional.ofNullable(tasks.get(taskId));
        }

        @Override
        public Optional<Node> node(String nodeId) {
            return Optional.ofNullable(nodes.get(nodeId));
        }
    };
    private LedgerStore store;
    private DoubleEntryLedger ledger;
    private TaskBiller biller;

    @BeforeEach
    void open() throws Exception {
        store = EmbeddedStore.open(Clock.fixed(T0, ZoneOffset.UTC));
        ledger = new DoubleEntryLedger(store, Clock.fixed(T0, ZoneOffset.UTC));
        ledger.open("alice", AccountKind.SUBMITTER);
        ledger.grant("g1", "alice", Credits.micros(100), "to start");
        biller = biller(T0, TaskBiller.WhenUnpaid.REFUSE);
        nodes.put("n1", new Node(NodeSpec.builder("n1").labels(Map.of("operator", "acme")).price(12, 0).build(),
                NodeStatus.ACTIVE, NodeMetrics.IDLE, 0, 0, 0, 0, 0, T0, T0));
    }

    private TaskBiller biller(Instant now, TaskBiller.WhenUnpaid whenUnpaid) {
        return new TaskBiller(ledger, fleet, Clock.fixed(now, ZoneOffset.UTC), new TaskBiller.Policy(
                new Tariff(new Price(10, 10), Duration.ofHours(1)), whenUnpaid, Duration.ofMinutes(2)));
    }

    private long balance(String id) {
        return ledger.account(id).map(Account::balance).orElse(0L);
    }

    private static TaskSpec spec(String id, int cores) {
        return TaskSpec.builder().id(id).requirements(cores, 256).build();
    }

    /** The task as the coordinator stores it when it ended: ran {@code seconds} on n1. */
    private void ended(String id, int cores, TaskStatus status, long seconds) {
        tasks.put(id, new Task(spec(id, cores), status, "n1", "least-loaded", 0, null, T0, T0, T0,
                T0.plusSeconds(seconds)));
    }

    @Test
    void aCompletedTaskPaysItsNodesOperatorForWhatItRanAndRefundsTheRestOnce() {
        assertThat(biller.hold(spec("t1", 2), "alice")).isPresent();
        assertThat(balance("alice")).isEqualTo(Credits.micros(80)); // 2 cores × 10 × 1 h held
        ended("t1", 2, TaskStatus.COMPLETED, 900);

        biller.ended("t1");
        // n1 charges 12 per core-hour: 2 cores × 12 × 0.25 h = 6 credits, into its operator's account
        assertThat(balance("acme")).isEqualTo(Credits.micros(6));
        assertThat(balance("alice")).isEqualTo(Credits.micros(94));
        assertThat(ledger.holds(0, 10)).isEmpty();

        // the event again, a restarted runtime's reconciliation: nothing moves twice
        biller.ended("t1");
        biller.release(tasks.get("t1"));
        assertThat(biller(T0.plusSeconds(3600), TaskBiller.WhenUnpaid.REFUSE).reconcile()).isZero();
        assertThat(balance("acme")).isEqualTo(Credits.micros(6));
        assertThat(balance("alice")).isEqualTo(Credits.micros(94));
        assertThat(ledger.balanced()).isTrue();
    }

    @Test
    void aFailedOrCancelledTaskIsRefundedInFull() {
        biller.hold(spec("failed", 1), "alice");
        biller.hold(spec("cancelled", 1), "alice");
        ended("failed", 1, TaskStatus.FAILED, 600);
        tasks.put("cancelled", new Task(spec("cancelled", 1), TaskStatus.CANCELLED, null, null, 0, "cancelled", T0,
                null, null, T0.plusSeconds(5)));

        biller.ended("failed");
        biller.ended("cancelled");
        assertThat(balance("alice")).isEqualTo(Credits.micros(100));
        assertThat(balance("acme")).isZero();
        assertThat(ledger.entry("release:failed").orElseThrow().kind()).isEqualTo(EntryKind.REFUND);
    }

    @Test
    void aNodeNamingASystemAccountAsItsOperatorIsNotPaidAndTheCreditsAreNotLocked() {
        nodes.put("n1", new Node(NodeSpec.builder("n1").labels(Map.of("operator", "escrow")).build(),
                NodeStatus.ACTIVE, NodeMetrics.IDLE, 0, 0, 0, 0, 0, T0, T0));
        biller.hold(spec("t1", 1), "alice");
        ended("t1", 1, TaskStatus.COMPLETED, 600);
        biller.ended("t1");
        assertThat(balance("alice")).isEqualTo(Credits.micros(100));
        assertThat(ledger.holds(0, 10)).isEmpty();
        assertThat(ledger.balanced()).isTrue();
    }

    @Test
    void aSubmitterWhoCannotPayIsRefusedWithTheReasonAndNothingIsHeld() {
        assertThatThrownBy(() -> biller.hold(spec("big", 16), "alice"))
                .isInstanceOf(InsufficientCreditsException.class)
                .hasMessageContaining("account 'alice' cannot pay for task 'big'")
                .hasMessageContaining("up to 160 credits").hasMessageContaining("the account has 100")
                .hasMessageContaining("fog:ledger-grant alice");
        assertThat(balance("alice")).isEqualTo(Credits.micros(100));
        assertThat(ledger.holds(0, 10)).isEmpty();

        // a newcomer's account is opened empty: opening it grants nothing
        assertThatThrownBy(() -> biller.hold(spec("first", 1), "bob"))
                .isInstanceOf(InsufficientCreditsException.class);
        assertThat(ledger.account("bob").orElseThrow().balance()).isZero();
        assertThat(ledger.totalGranted()).isEqualTo(Credits.micros(100));
    }

    @Test
    void configuredSoATaskThatCannotPayRunsUnpaidAndItsNodeIsNotPaid() {
        TaskBiller lenient = biller(T0, TaskBiller.WhenUnpaid.RUN_UNPAID);
        assertThat(lenient.hold(spec("big", 16), "alice")).isEmpty();
        assertThat(lenient.unpaidTasks()).isEqualTo(1);
        ended("big", 16, TaskStatus.COMPLETED, 60);
        lenient.ended("big");
        lenient.release(tasks.get("big"));
        assertThat(balance("alice")).isEqualTo(Credits.micros(100));
        assertThat(ledger.account("acme")).isEmpty();
        // the runtime's own tasks hold nothing whatever they need
        assertThat(biller.hold(spec("sim", 16), null)).isEmpty();
    }

    @Test
    void reconciliationSettlesWhatNoEventDidAndRefundsHoldsWhoseTaskWasNeverAdmitted() {
        biller.hold(spec("done", 1), "alice");       // completed while the runtime was down: no event
        biller.hold(spec("orphan", 1), "alice");     // the runtime died between the hold and the task's commit
        biller.hold(spec("running", 1), "alice");    // still running
        ended("done", 1, TaskStatus.COMPLETED, 1800);
        tasks.put("running", new Task(spec("running", 1), TaskStatus.RUNNING, "n1", "least-loaded", 0, null, T0, T0,
                T0, null));

        // within the grace a hold without its task may be a submission not yet committed: it stays
        TaskBiller restarted = biller(T0.plusSeconds(60), TaskBiller.WhenUnpaid.REFUSE);
        assertThat(restarted.reconcile()).isEqualTo(1);
        assertThat(balance("acme")).isEqualTo(Credits.micros(6)); // 1 core × 12 × 0.5 h
        assertThat(ledger.holds(0, 10)).extracting(JournalEntry::key).containsExactly("escrow:orphan",
                "escrow:running");

        TaskBiller later = biller(T0.plusSeconds(600), TaskBiller.WhenUnpaid.REFUSE);
        assertThat(later.reconcile()).isEqualTo(1);
        assertThat(ledger.holds(0, 10)).extracting(JournalEntry::key).containsExactly("escrow:running");
        assertThat(balance("alice")).isEqualTo(Credits.micros(100 - 6 - 10)); // running still holds its 10
        assertThat(ledger.balanced()).isTrue();
    }

    @Test
    void aReleaseAskedForAtOnceByTheEventAndByReconciliationHappensOnce() throws Exception {
        int count = 40;
        ledger.grant("g2", "alice", Credits.micros(1000), "enough for every task");
        for (int i = 0; i < count; i++) {
            biller.hold(spec("t" + i, 1), "alice");
            ended("t" + i, 1, TaskStatus.COMPLETED, 300);
        }
        TaskBiller other = biller(T0.plusSeconds(3600), TaskBiller.WhenUnpaid.REFUSE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = "t" + i;
                all.add(pool.submit(() -> biller.ended(id)));
                all.add(pool.submit(() -> other.release(tasks.get(id))));
            }
            all.add(pool.submit(other::reconcile));
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // each task: 1 core × 12 × 300 s = 1 credit, paid once
        assertThat(balance("acme")).isEqualTo(Credits.micros(count));
        assertThat(balance("alice")).isEqualTo(Credits.micros(1100 - count));
        assertThat(ledger.holds(0, 100)).isEmpty();
        assertThat(ledger.balanced()).isTrue();
    }
}
