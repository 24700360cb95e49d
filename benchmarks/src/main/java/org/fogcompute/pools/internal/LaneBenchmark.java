package org.fogcompute.pools.internal;

import java.lang.annotation.Annotation;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a lane of the shared scheduler costs against the private single-thread executor it replaced: the round trip of
 * a task handed over and waited for (hand-over, wake-up of a runner, the lane's bookkeeping), with nothing else
 * running, and while 8 other lanes keep the runners busy with short tasks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LaneBenchmark {
    private SharedSchedulerComponent shared;
    private ScheduledExecutorService lane;
    private ScheduledExecutorService ownThread;
    private ScheduledExecutorService[] busyLanes;
    private ScheduledExecutorService[] busyOwnThreads;

    @Setup
    public void start() {
        shared = new SharedSchedulerComponent(new SharedSchedulerComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SharedSchedulerComponent.Config.class;
            }

            @Override
            public int threads_max() {
                return 16;
            }

            @Override
            public long threads_keep_alive_seconds() {
                return 60;
            }
        });
        lane = shared.lane("measured");
        ownThread = Executors.newSingleThreadScheduledExecutor();
        busyLanes = new ScheduledExecutorService[8];
        busyOwnThreads = new ScheduledExecutorService[8];
        for (int i = 0; i < 8; i++) {
            busyLanes[i] = shared.lane("busy-" + i);
            busyOwnThreads[i] = Executors.newSingleThreadScheduledExecutor();
        }
    }

    @TearDown
    public void stop() {
        ownThread.shutdownNow();
        for (ScheduledExecutorService own : busyOwnThreads) {
            own.shutdownNow();
        }
        shared.deactivate();
    }

    private static final Runnable SHORT_WORK = () -> {
        long x = System.nanoTime();
        for (int i = 0; i < 2_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
        }
        if (x == 42) {
            throw new IllegalStateException();
        }
    };

    @Benchmark
    public Object laneIdle() throws Exception {
        return lane.submit(() -> 1).get();
    }

    @Benchmark
    public Object ownThreadIdle() throws Exception {
        return ownThread.submit(() -> 1).get();
    }

    @Benchmark
    public Object laneBesideBusyLanes() throws Exception {
        for (ScheduledExecutorService busy : busyLanes) {
            busy.execute(SHORT_WORK);
        }
        return lane.submit(() -> 1).get();
    }

    @Benchmark
    public Object ownThreadBesideBusyThreads() throws Exception {
        for (ScheduledExecutorService busy : busyOwnThreads) {
            busy.execute(SHORT_WORK);
        }
        return ownThread.submit(() -> 1).get();
    }
}
