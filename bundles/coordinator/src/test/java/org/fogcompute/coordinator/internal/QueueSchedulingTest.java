package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fogcompute.coordinator.internal.Fleet.node;
import static org.fogcompute.coordinator.internal.Fleet.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.scheduling.NodeChoice;
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.fogcompute.api.scheduling.WaitReason;
import org.junit.jupiter.api.Test;

/** The queue inside the coordinator: order, parking, wake-ups, deadlines, admission, strategy swaps, restarts. */
class QueueSchedulingTest {
    private final InMemoryStore store = new InMemoryStore();
    private final Fleet fleet = new Fleet(CoordinatorSettings.DEFAULTS, store);
    private final Coordinator coordinator = fleet.coordinator;
    private final SchedulingStrategyRegistry scheduling = new SchedulingStrategyRegistry("fifo");

    /** Arrival order; names a node preference only when asked to. */
    private static final SchedulingStrategy FIFO = () -> (a, b) -> 0;

    QueueSchedulingTest() {
        scheduling.add("fifo", FIFO);
        scheduling.add("priority", () -> Comparator.comparingInt(QueuedTask::priority));
        coordinator.scheduling(scheduling);
    }

    private TaskStatus status(String id) {
        return coordinator.findTask(id).orElseThrow().status();
    }

    @Test
    void fifoPlacesInArrivalOrderWhateverThePriority() {
        coordinator.register(node("n", 1, 4096).build());
        coordinator.submit(task("running", 1, 64).build());
        coordinator.submit(task("first", 1, 64).priority(9).build());
        coordinator.submit(task("second", 1, 64).priority(1).build());
        coordinator.complete("running");
        assertThat(status("first")).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(status("second")).isEqualTo(TaskStatus.PENDING);
    }

    @Test
    void anUnplaceableTaskAtTheHeadDoesNotBlockThoseBehindIt() {
        coordinator.register(node("n", 2, 4096).build());
        coordinator.submit(task("gpu", 1, 64).gpu(true).build());
        coordinator.submit(task("a", 1, 64).build());
        coordinator.submit(task("b", 1, 64).build());
        assertThat(status("gpu")).isEqualTo(TaskStatus.PENDING);
        assertThat(status("a")).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(status("b")).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(coordinator.stats().parked()).containsEntry(WaitReason.NO_GPU_NODE, 1);
    }

    @Test
    void aParkedTaskWakesOnTheEventThatCuresItsReasonAndNotOnOthers() {
        coordinator.register(node("cpu", 1, 4096).build());
        coordinator.submit(task("gpu", 1, 64).gpu(true).build());
        coordinator.submit(task("filler", 1, 64).build());
        coordinator.submit(task("big", 1, 64).build());
        assertThat(coordinator.stats().parked()).containsEntry(WaitReason.NO_GPU_NODE, 1)
                .containsEntry(WaitReason.NO_CAPACITY, 1);
        long epoch = coordinator.stats().capacityEpoch();
        // capacity freed: the task waiting for capacity is placed, the one waiting for a GPU node stays parked
        coordinator.complete("filler");
        assertThat(status("big")).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(coordinator.stats().parked()).containsOnlyKeys(WaitReason.NO_GPU_NODE);
        assertThat(coordinator.stats().capacityEpoch()).isGreaterThan(epoch);
        // a GPU node joins: now it is placed
        coordinator.register(node("gpu-node", 1, 4096).gpus(1).build());
        assertThat(status("gpu")).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(coordinator.stats().total()).isZero();
    }

    @Test
    void aTaskBackFromMaintenanceOrTheFlushWakesParkedTasks() {
        coordinator.register(node("n", 1, 4096).status(NodeStatus.MAINTENANCE).build());
        coordinator.submit(task("t", 1, 64).build());
        assertThat(coordinator.stats().parked()).containsOnlyKeys(WaitReason.NO_NODE_ACCEPTING_WORK);
        coordinator.updateStatus("n", NodeStatus.ACTIVE);
        assertThat(status("t")).isEqualTo(TaskStatus.ASSIGNED);

        coordinator.submit(task("u", 1, 64).build());
        assertThat(coordinator.stats().parked()).containsOnlyKeys(WaitReason.NO_CAPACITY);
        assertThat(coordinator.flush()).isEqualTo(1);
        assertThat(coordinator.stats().parked()).containsOnlyKeys(WaitReason.NO_CAPACITY);
    }

    @Test
    void aTaskWhoseDeadlinePassesWhileItWaitsFailsAsDeadlineExceeded() {
        coordinator.register(node("n", 1, 4096).build());
        coordinator.submit(task("running", 1, 64).build());
        Instant deadline = fleet.clock.instant().plusSeconds(30);
        coordinator.submit(task("urgent", 1, 64).deadline(deadline).build());
        coordinator.submit(task("patient", 1, 64).build());
        assertThat(coordinator.tickQueue()).isZero();
        fleet.clock.advance(Duration.ofSeconds(31));
        assertThat(coordinator.tickQueue()).isEqualTo(1);
        var failed = coordinator.findTask("urgent").orElseThrow();
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.message()).startsWith(Coordinator.DEADLINE_EXCEEDED);
        assertThat(store.tasks.get("urgent").status()).isEqualTo(TaskStatus.FAILED);
        assertThat(coordinator.stats().deadlineExceeded()).isEqualTo(1);
        assertThat(status("patient")).isEqualTo(TaskStatus.PENDING);
    }

    @Test
    void badSchedulingInputIsRefusedAndNothingIsQueued() {
        assertThatThrownBy(() -> coordinator.submit(task("x", 1, 64).schedulingStrategy("nope").build()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("schedulingStrategy");
        assertThatThrownBy(() -> coordinator.submit(task("y", 1, 64).deadline(fleet.clock.instant()).build()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("deadline");
        assertThatThrownBy(() -> task("z", 1, 64).priceLimit(-1.0).build())
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("priceLimit");
        // a price limit no strategy of the task would keep is refused, not silently ignored
        assertThatThrownBy(() -> coordinator.submit(task("w", 1, 64).priceLimit(5.0).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'fifo' does not")
                .extracting("field").isEqualTo("priceLimit");
        assertThat(coordinator.findTask("x")).isEmpty();
        assertThat(coordinator.findTask("y")).isEmpty();
        assertThat(coordinator.findTask("w")).isEmpty();
        assertThat(coordinator.stats().total()).isZero();
        assertThat(store.tasks).isEmpty();
    }

    @Test
    void aStrategysAdmissionRefusalIsA422WithItsReasonAndNothingIsStored() {
        scheduling.add("picky", new SchedulingStrategy() {
            @Override
            public Comparator<QueuedTask> order() {
                return (a, b) -> 0;
            }

            @Override
            public String admit(TaskSpec spec, Candidates fleet, Instant now) {
                return spec.deadline() == null ? null : "deadline too tight";
            }
        });
        assertThatThrownBy(() -> coordinator.submit(task("late", 1, 64).schedulingStrategy("picky")
                .deadline(fleet.clock.instant().plusSeconds(5)).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("deadline too tight")
                .extracting("field").isEqualTo("admission");
        assertThat(store.tasks).doesNotContainKey("late");
        coordinator.submit(task("fine", 1, 64).schedulingStrategy("picky").build());
        assertThat(store.tasks).containsKey("fine");
    }

    @Test
    void aSchedulingStrategysNodeChoiceAndItsRefusalAreFollowed() {
        coordinator.register(node("a", 4, 4096).build());
        coordinator.register(node("b", 4, 4096).build());
        scheduling.add("pick-b", new SchedulingStrategy() {
            @Override
            public Comparator<QueuedTask> order() {
                return (x, y) -> 0;
            }

            @Override
            public boolean honoursPriceLimit() {
                return true;
            }

            @Override
            public NodeChoice choose(TaskSpec spec, Candidates candidates) {
                if (spec.priceLimit() != null) {
                    return NodeChoice.none(WaitReason.OVER_PRICE_LIMIT, "too dear");
                }
                for (var n : candidates.eligible(org.fogcompute.api.routing.NodeOrder.REGISTRATION)) {
                    if (n.id().equals("b")) {
                        return NodeChoice.of(n);
                    }
                }
                return NodeChoice.ROUTING;
            }
        });
        var placed = coordinator.submit(task("t", 1, 64).schedulingStrategy("pick-b").build());
        assertThat(placed.nodeId()).isEqualTo("b");
        assertThat(placed.routedBy()).isEqualTo("pick-b");
        // a task naming a routing strategy is placed by it, not by the scheduling strategy's preference
        var routed = coordinator.submit(task("r", 1, 64).schedulingStrategy("pick-b").strategy("round-robin").build());
        assertThat(routed.routedBy()).isEqualTo("round-robin");
        var waiting = coordinator.submit(task("p", 1, 64).schedulingStrategy("pick-b").priceLimit(0.5).build());
        assertThat(waiting.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(waiting.message()).isEqualTo("too dear");
        assertThat(coordinator.stats().parked()).containsOnlyKeys(WaitReason.OVER_PRICE_LIMIT);
    }

    @Test
    void swappingTheDefaultReordersTheQueueWithoutLosingATask() {
        coordinator.register(node("n", 1, 4096).build());
        coordinator.submit(task("running", 1, 64).build());
        coordinator.submit(task("low", 1, 64).priority(9).build());
        coordinator.submit(task("high", 1, 64).priority(1).build());
        scheduling.setDefault("priority");
        assertThat(coordinator.stats().strategy()).isEqualTo("priority");
        assertThat(coordinator.stats().total()).isEqualTo(2);
        coordinator.complete("running");
        assertThat(status("high")).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(status("low")).isEqualTo(TaskStatus.PENDING);
        // the default goes away: the built-in default takes over, nothing is lost
        scheduling.remove("priority", scheduling.find("priority").orElseThrow());
        assertThat(coordinator.stats().total()).isEqualTo(1);
    }

    @Test
    void aRestartKeepsTheQueueInSubmissionOrder() {
        coordinator.register(node("n", 1, 4096).build());
        coordinator.submit(task("running", 1, 64).build());
        coordinator.submit(task("q1", 1, 64).priority(5).build());
        coordinator.submit(task("q2", 1, 64).priority(5).build());
        coordinator.submit(task("q3", 1, 64).priority(5).build());

        Coordinator next = new Coordinator(CoordinatorSettings.DEFAULTS, fleet.clock, fleet.strategies,
                EventSink.NONE, store);
        next.scheduling(scheduling);
        next.restore();
        assertThat(next.stats().total()).isEqualTo(3);
        next.complete("running");
        assertThat(next.findTask("q1").orElseThrow().status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(next.findTask("q2").orElseThrow().status()).isEqualTo(TaskStatus.PENDING);
        next.complete("q1");
        assertThat(next.findTask("q2").orElseThrow().status()).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void timeToPlacementIsReportedPerPriorityClass() {
        coordinator.register(node("n", 1, 4096).build());
        coordinator.submit(task("now", 1, 64).priority(3).build());
        coordinator.submit(task("later", 1, 64).priority(7).build());
        fleet.clock.advance(Duration.ofSeconds(2));
        coordinator.complete("now");
        var waits = coordinator.stats().timeToPlacement();
        assertThat(waits.get(3).p50Millis()).isZero();
        assertThat(waits.get(7).p50Millis()).isEqualTo(2000);
    }
}
