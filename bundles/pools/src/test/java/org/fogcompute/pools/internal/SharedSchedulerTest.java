package org.fogcompute.pools.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fogcompute.api.pools.PoolStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedSchedulerTest {
    private final SharedSchedulerComponent scheduler = new SharedSchedulerComponent(config(4));

    @AfterEach
    void stop() {
        scheduler.deactivate();
    }

    @Test
    void aLaneRunsItsTasksOneAtATimeInOrderWhileLanesRunSideBySide() throws Exception {
        ScheduledExecutorService first = scheduler.lane("first");
        ScheduledExecutorService second = scheduler.lane("second");
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        first.execute(() -> {
            firstRunning.countDown();
            await(release);
        });
        for (int i = 0; i < 200; i++) {
            int n = i;
            first.execute(() -> {
                if (inside.incrementAndGet() > 1) {
                    overlap.incrementAndGet();
                }
                order.add(n);
                inside.decrementAndGet();
            });
        }
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        // the other lane is not held up by the blocked one
        assertThat(second.submit(() -> "ran").get(10, TimeUnit.SECONDS)).isEqualTo("ran");
        release.countDown();
        first.submit(() -> { }).get(10, TimeUnit.SECONDS);
        assertThat(overlap).hasValue(0);
        assertThat(order).hasSize(200).isSorted();
    }

    @Test
    void aPeriodicTaskThatThrowsKeepsItsSchedule() throws Exception {
        ScheduledExecutorService lane = scheduler.lane("sweeper");
        CountDownLatch threeRuns = new CountDownLatch(3);
        ScheduledFuture<?> task = lane.scheduleAtFixedRate(() -> {
            threeRuns.countDown();
            throw new IllegalStateException("one bad row");
        }, 0, 5, TimeUnit.MILLISECONDS);
        assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(task.cancel(false)).isTrue();
        assertThat(task.isCancelled()).isTrue();
    }

    @Test
    void aSlowPeriodicTaskIsNotQueuedTwice() throws Exception {
        ScheduledExecutorService lane = scheduler.lane("slow");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        lane.scheduleAtFixedRate(() -> {
            runs.incrementAndGet();
            started.countDown();
            await(release);
        }, 0, 1, TimeUnit.MILLISECONDS);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        // many ticks pass while it runs: at most one more run may be waiting behind it
        CountDownLatch ticksPassed = new CountDownLatch(1);
        lane.schedule(ticksPassed::countDown, 50, TimeUnit.MILLISECONDS);
        release.countDown();
        assertThat(ticksPassed.await(10, TimeUnit.SECONDS)).isTrue();
        PoolStats stats = laneStats("slow");
        assertThat(stats.waiting()).isLessThanOrEqualTo(1);
        lane.shutdownNow();
    }

    @Test
    void aFixedDelayIsTimedFromTheEndOfTheRun() throws Exception {
        ScheduledExecutorService lane = scheduler.lane("delayed");
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch three = new CountDownLatch(3);
        lane.scheduleWithFixedDelay(() -> {
            starts.add(System.nanoTime());
            three.countDown();
            busy(20);
        }, 0, 10, TimeUnit.MILLISECONDS);
        assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        lane.shutdownNow();
        assertThat(starts.get(2) - starts.get(1)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
    }

    @Test
    void shutdownNowStopsThatLaneOnlyAndInterruptsItsRunningTask() throws Exception {
        ScheduledExecutorService stopping = scheduler.lane("stopping");
        ScheduledExecutorService staying = scheduler.lane("staying");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        stopping.execute(() -> {
            running.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        AtomicInteger laterRuns = new AtomicInteger();
        stopping.execute(laterRuns::incrementAndGet);
        ScheduledFuture<?> periodic = stopping.scheduleAtFixedRate(laterRuns::incrementAndGet, 1, 1, TimeUnit.HOURS);
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        List<Runnable> neverRun = stopping.shutdownNow();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stopping.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(neverRun).hasSize(1);
        assertThat(periodic.isCancelled()).isTrue();
        assertThat(laterRuns).hasValue(0);
        assertThatThrownBy(() -> stopping.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThat(staying.submit(() -> Thread.currentThread().isInterrupted()).get(10, TimeUnit.SECONDS))
                .as("the interrupt stays with the stopped lane's task").isFalse();
        assertThat(scheduler.pools()).extracting(PoolStats::name).contains("scheduler/staying")
                .doesNotContain("scheduler/stopping");
    }

    @Test
    void aDelayedTaskCanBeCancelledAndLaneNamesStayUnique() throws Exception {
        ScheduledExecutorService lane = scheduler.lane("twice");
        ScheduledExecutorService again = scheduler.lane("twice");
        AtomicInteger ran = new AtomicInteger();
        ScheduledFuture<?> later = lane.schedule(ran::incrementAndGet, 1, TimeUnit.HOURS);
        assertThat(later.cancel(false)).isTrue();
        assertThat(lane.schedule(() -> 42, 1, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS)).isEqualTo(42);
        assertThat(ran).hasValue(0);
        assertThat(scheduler.pools()).extracting(PoolStats::name)
                .contains("scheduler/twice", "scheduler/twice-2");
        assertThatThrownBy(() -> scheduler.lane("Bad Name")).isInstanceOf(IllegalArgumentException.class);
        again.shutdownNow();
    }

    @Test
    void theThreadPoolCountsReuse() throws Exception {
        ScheduledExecutorService lane = scheduler.lane("counted");
        for (int i = 0; i < 50; i++) {
            lane.submit(() -> { }).get(10, TimeUnit.SECONDS);
        }
        PoolStats threads = scheduler.pools().stream().filter(p -> p.name().equals("scheduler")).findFirst()
                .orElseThrow();
        assertThat(threads.max()).isEqualTo(4);
        assertThat(threads.created()).isBetween(1L, 4L);
        assertThat(threads.uses()).isGreaterThanOrEqualTo(50);
        assertThat(threads.reuseRate()).isGreaterThan(0.9);
    }

    @Test
    void runnersAreCreatedOnlyWhenLanesHaveWorkAtOnceUpToTheMaximum() throws Exception {
        List<ScheduledExecutorService> lanes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lanes.add(scheduler.lane("lane-" + i));
        }
        for (int n = 0; n < lanes.size(); n++) {
            for (int i = 0; i < 20; i++) {
                lanes.get(n).submit(() -> { }).get(10, TimeUnit.SECONDS);
            }
            // a task's future completes just before its lane gives the runner back: let the lane finish first
            String name = "lane-" + n;
            awaitThat(() -> laneStats(name).active() == 0, name + " gives its runner back");
        }
        assertThat(threads().created()).as("one lane at a time needs one runner").isEqualTo(1);

        CountDownLatch allBusy = new CountDownLatch(6);
        CountDownLatch release = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (ScheduledExecutorService lane : lanes) {
            running.add(lane.submit(() -> {
                allBusy.countDown();
                await(release);
            }));
        }
        // four runners (the maximum) are busy; the other two lanes wait for one, they do not fail
        awaitThat(() -> threads().active() == 4, "four runners busy");
        assertThat(threads().size()).isEqualTo(4);
        assertThat(threads().waiting()).isEqualTo(2);
        release.countDown();
        for (java.util.concurrent.Future<?> task : running) {
            task.get(10, TimeUnit.SECONDS);
        }
        assertThat(allBusy.getCount()).isZero();
        assertThat(threads().created()).isEqualTo(4);
    }

    /** Spins (the condition changes within microseconds) for at most 10 s, then fails saying what the pools are. */
    private void awaitThat(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 10 s; " + scheduler.pools());
            }
            Thread.onSpinWait();
        }
    }

    private PoolStats threads() {
        return scheduler.pools().stream().filter(p -> p.name().equals("scheduler")).findFirst().orElseThrow();
    }

    private PoolStats laneStats(String name) {
        return scheduler.pools().stream().filter(p -> p.name().equals("scheduler/" + name)).findFirst()
                .orElseThrow();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void busy(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    static SharedSchedulerComponent.Config config(int threads) {
        return new SharedSchedulerComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SharedSchedulerComponent.Config.class;
            }

            @Override
            public int threads_max() {
                return threads;
            }

            @Override
            public long threads_keep_alive_seconds() {
                return 60;
            }
        };
    }
}
