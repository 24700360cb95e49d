package org.fogcompute.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.WaitReason;
import org.junit.jupiter.api.Test;

class SchedulingQueueTest {
    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
    private long sequence;
    /** Arrival order: the queue's tie-breaker alone. */
    private static final Comparator<QueuedTask> FIFO = (a, b) -> 0;
    private final SchedulingQueue queue = new SchedulingQueue(FIFO, Duration.ofMinutes(5));

    private QueuedTask task(String id, int priority, Instant queuedAt) {
        return task(id, priority, queuedAt, null);
    }

    private QueuedTask task(String id, int priority, Instant queuedAt, Instant deadline) {
        return new QueuedTask(TaskSpec.builder().id(id).priority(priority).deadline(deadline).build(), sequence++,
                queuedAt);
    }

    private int total() {
        return queue.activeCount() + queue.backoffCount()
                + queue.parkedCounts().values().stream().mapToInt(Integer::intValue).sum();
    }

    private List<String> drain(Instant now) {
        List<String> order = new ArrayList<>();
        for (SchedulingQueue.Attempt attempt = queue.next(now); attempt != null; attempt = queue.next(now)) {
            order.add(attempt.task().id());
            queue.placed(attempt);
        }
        return order;
    }

    @Test
    void fifoIsArrivalOrderWhateverThePriority() {
        queue.add(task("a", 1, T0));
        queue.add(task("b", 10, T0));
        queue.add(task("c", 5, T0));
        assertThat(drain(T0)).containsExactly("a", "b", "c");
    }

    @Test
    void aTaskThatFitsNowhereDoesNotBlockTheOnesBehindIt() {
        queue.add(task("gpu-job", 5, T0));
        queue.add(task("small-1", 5, T0));
        queue.add(task("small-2", 5, T0));
        SchedulingQueue.Attempt first = queue.next(T0);
        assertThat(first.task().id()).isEqualTo("gpu-job");
        queue.failed(first, WaitReason.NO_GPU_NODE, T0);
        assertThat(drain(T0)).containsExactly("small-1", "small-2");
        assertThat(queue.parkedCounts()).containsEntry(WaitReason.NO_GPU_NODE, 1);
    }

    @Test
    void aParkedTaskWakesOnlyOnAnEventThatCanCureItsReason() {
        queue.add(task("gpu-job", 5, T0));
        queue.failed(queue.next(T0), WaitReason.NO_GPU_NODE, T0);
        queue.add(task("big-job", 5, T0));
        queue.failed(queue.next(T0), WaitReason.NO_CAPACITY, T0);

        assertThat(queue.capacityChanged(CapacityEvent.CAPACITY_FREED)).isEqualTo(1);
        assertThat(drain(T0)).containsExactly("big-job");
        assertThat(queue.capacityChanged(CapacityEvent.NODE_JOINED)).isEqualTo(1);
        assertThat(drain(T0)).containsExactly("gpu-job");
        assertThat(total()).isZero();
    }

    @Test
    void anAttemptThatFailedWhileCapacityFreedBacksOffInsteadOfParking() {
        queue.add(task("a", 5, T0));
        SchedulingQueue.Attempt attempt = queue.next(T0);
        // a task finishes while the placement attempt is running: the wake-up for NO_CAPACITY is already past
        queue.capacityChanged(CapacityEvent.CAPACITY_FREED);
        queue.failed(attempt, WaitReason.NO_CAPACITY, T0);
        assertThat(queue.backoffCount()).isEqualTo(1);
        assertThat(queue.parkedCounts()).isEmpty();
        assertThat(queue.next(T0.plusMillis(999))).isNull();
        assertThat(queue.next(T0.plusSeconds(1)).task().id()).isEqualTo("a");
    }

    @Test
    void aNodeJoiningEndsBackoffButFreedCapacityDoesNot() {
        queue.add(task("a", 5, T0));
        queue.failed(queue.next(T0), null, T0);
        assertThat(queue.capacityChanged(CapacityEvent.CAPACITY_FREED)).isZero();
        assertThat(queue.next(T0)).isNull();
        assertThat(queue.capacityChanged(CapacityEvent.NODE_JOINED)).isEqualTo(1);
        assertThat(queue.next(T0).task().id()).isEqualTo("a");
    }

    @Test
    void backoffDoublesFromOneToTenSeconds() {
        queue.add(task("a", 5, T0));
        Instant now = T0;
        SchedulingQueue.Attempt attempt = queue.next(now);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            queue.failed(attempt, null, now);
            Instant failedAt = now;
            for (attempt = queue.next(now); attempt == null; attempt = queue.next(now)) {
                now = now.plusMillis(500);
            }
            waits.add(Duration.between(failedAt, now).toMillis());
        }
        assertThat(waits).containsExactly(1000L, 2000L, 4000L, 8000L, 10000L, 10000L);
        // placed at last: the next failure of the task starts from one second again
        queue.placed(attempt);
        queue.add(attempt.task());
        SchedulingQueue.Attempt fresh = queue.next(now);
        queue.failed(fresh, null, now);
        assertThat(queue.next(now.plusMillis(999))).isNull();
        assertThat(queue.next(now.plusSeconds(1))).isNotNull();
    }

    @Test
    void aTaskParkedLongerThanTheMaximumIsTriedAgainAndTheFlushWakesEveryone() {
        queue.add(task("a", 5, T0));
        queue.failed(queue.next(T0), WaitReason.NO_NODE_ACCEPTING_WORK, T0);
        assertThat(queue.next(T0.plus(Duration.ofMinutes(4)))).isNull();
        assertThat(queue.next(T0.plus(Duration.ofMinutes(5))).task().id()).isEqualTo("a");

        queue.add(task("b", 5, T0));
        queue.failed(queue.next(T0), WaitReason.NO_PRIVACY_PATH, T0);
        assertThat(queue.flush()).isEqualTo(1);
        assertThat(drain(T0)).containsExactly("b");
    }

    @Test
    void aSwitchOfStrategyKeepsEveryTaskAndTakesTheNewOrder() {
        queue.add(task("low", 1, T0));
        queue.add(task("high", 9, T0));
        queue.add(task("mid", 5, T0));
        queue.reorder(Comparator.comparingInt(QueuedTask::priority).reversed());
        assertThat(drain(T0)).containsExactly("high", "mid", "low");
    }

    @Test
    void aTaskIsTakenOutWhereverItWaits() {
        queue.add(task("active", 5, T0));
        queue.add(task("parked", 5, T0));
        queue.add(task("backing-off", 5, T0));
        SchedulingQueue.Attempt first = queue.next(T0);
        queue.placed(first);
        queue.failed(queue.next(T0), WaitReason.NO_CAPACITY, T0);
        SchedulingQueue.Attempt third = queue.next(T0);
        queue.failed(third, null, T0);
        queue.add(task("again", 5, T0));
        assertThat(queue.remove("parked")).isTrue();
        assertThat(queue.remove("backing-off")).isTrue();
        assertThat(queue.remove("again")).isTrue();
        assertThat(queue.remove("nowhere")).isFalse();
        assertThat(total()).isZero();
        assertThatThrownBy(() -> {
            queue.add(task("twice", 5, T0));
            queue.add(task("twice", 5, T0));
        }).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void slaOrderIsEarliestDeadlineFirstWithDeadlineFreeTasksLast() {
        SchedulingQueue sla = new SchedulingQueue(Comparator.comparing(QueuedTask::deadline,
                Comparator.nullsLast(Comparator.naturalOrder())), Duration.ofMinutes(5));
        sla.add(task("no-deadline", 5, T0));
        sla.add(task("late", 5, T0, T0.plusSeconds(600)));
        sla.add(task("soon", 1, T0, T0.plusSeconds(60)));
        List<String> order = new ArrayList<>();
        for (SchedulingQueue.Attempt a = sla.next(T0); a != null; a = sla.next(T0)) {
            order.add(a.task().id());
            sla.placed(a);
        }
        assertThat(order).containsExactly("soon", "late", "no-deadline");
    }

    @Test
    void tasksWhoseDeadlinePassedAreTakenOutWhereverTheyWait() {
        queue.add(task("parked", 5, T0, T0.plusSeconds(10)));
        queue.failed(queue.next(T0), WaitReason.NO_GPU_NODE, T0);
        queue.add(task("backing-off", 5, T0, T0.plusSeconds(20)));
        queue.failed(queue.next(T0), null, T0);
        queue.add(task("active", 5, T0, T0.plusSeconds(30)));
        queue.add(task("in-time", 5, T0, T0.plusSeconds(3600)));
        queue.add(task("no-deadline", 5, T0));

        assertThat(queue.expire(T0.plusSeconds(5))).isEmpty();
        assertThat(queue.expire(T0.plusSeconds(30))).extracting(QueuedTask::id)
                .containsExactly("parked", "backing-off", "active");
        assertThat(total()).isEqualTo(2);
        // a task being tried is its attempt's business, not the expiry's
        SchedulingQueue.Attempt inTime = queue.next(T0.plusSeconds(30));
        assertThat(inTime.task().id()).isEqualTo("in-time");
        assertThat(queue.expire(T0.plusSeconds(7200))).isEmpty();
        queue.failed(inTime, null, T0.plusSeconds(7200));
        assertThat(queue.expire(T0.plusSeconds(7200))).extracting(QueuedTask::id).containsExactly("in-time");
    }
}
