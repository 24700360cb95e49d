package org.fogcompute.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgingPriorityQueueTest {
    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
    private final AgingPriorityQueue queue = new AgingPriorityQueue(Duration.ofSeconds(10));
    private long sequence;

    private QueuedTask task(String id, int priority, Instant queuedAt) {
        return new QueuedTask(id, sequence++, queuedAt, priority, null);
    }

    @Test
    void higherClassesFirstAndArrivalOrderWithinAClass() {
        queue.add(task("low", 2, T0));
        queue.add(task("high-1", 8, T0));
        queue.add(task("high-2", 8, T0));
        assertThat(queue.poll(T0).id()).isEqualTo("high-1");
        assertThat(queue.poll(T0).id()).isEqualTo("high-2");
        assertThat(queue.poll(T0).id()).isEqualTo("low");
        assertThat(queue.poll(T0)).isNull();
    }

    @Test
    void agingLiftsAStarvedLowPriorityTaskAboveANewHighOne() {
        queue.add(task("starved", 1, T0));
        // a steady stream of priority 10: each new one is taken first, until the starved task has aged enough
        Instant now = T0;
        String taken = null;
        int highTaken = 0;
        while (!"starved".equals(taken)) {
            now = now.plusSeconds(10);
            queue.add(task("high-" + highTaken, 10, now));
            taken = queue.poll(now).id();
            if (!"starved".equals(taken)) {
                highTaken++;
            }
        }
        // 1 + waited/10 s reaches 10 after 90 s (a tie goes to the earlier arrival): eight went first, not all
        assertThat(highTaken).isEqualTo(8);
        assertThat(queue.effectivePriority(task("x", 1, T0), T0.plusSeconds(90))).isEqualTo(10.0);
    }
}
