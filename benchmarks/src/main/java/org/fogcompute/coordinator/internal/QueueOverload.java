package org.fogcompute.coordinator.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskQuery;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.scheduling.QueueStats;
import org.fogcompute.scheduler.internal.BenchmarkStrategies;

/**
 * Time to placement per priority class under overload, through the queue with the embedded database: 50 nodes of 4
 * cores (200 one-core slots), each task holding its slot for 200 ms (so at most 1,000 placements a second), tasks
 * submitted at 1,200 a second with priorities 1..10 uniformly, for 30 s. The queue grows by ~200 a second; the
 * priority strategy (aging 60 s per class) decides who waits.
 *
 * <pre>java -cp target/benchmarks.jar org.fogcompute.coordinator.internal.QueueOverload [strategy] [seconds]</pre>
 */
public final class QueueOverload {
    private static final int NODES = 50;
    private static final int CORES = 4;
    private static final long HOLD_MILLIS = 200;
    private static final int RATE = 1200;

    private QueueOverload() {
    }

    public static void main(String[] args) throws Exception {
        String strategy = args.length > 0 ? args[0] : "priority";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (BenchmarkDatabase database = new BenchmarkDatabase(BenchmarkDatabase.derby("overload-" + run))) {
            Coordinator coordinator = new Coordinator(CoordinatorSettings.DEFAULTS, Clock.systemUTC(),
                    BenchmarkWorkload.builtInStrategies(), EventSink.NONE, database.store);
            SchedulingStrategyRegistry scheduling = new SchedulingStrategyRegistry(strategy);
            scheduling.add(strategy, BenchmarkStrategies.of(strategy, NODES, 1, 0));
            coordinator.scheduling(scheduling);
            coordinator.restore();
            for (int i = 0; i < NODES; i++) {
                coordinator.register(NodeSpec.builder("n" + i).capacity(CORES, 65_536).build());
            }
            ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
            timers.scheduleWithFixedDelay(coordinator::tickQueue, 250, 250, TimeUnit.MILLISECONDS);
            AtomicLong completed = new AtomicLong();
            // tasks hold their slot HOLD_MILLIS, then complete (freeing capacity: the queue places the next)
            timers.scheduleWithFixedDelay(() -> {
                Instant due = Instant.now().minusMillis(HOLD_MILLIS);
                for (Task task : coordinator.list(new TaskQuery(TaskStatus.ASSIGNED, null, 0, 1000)).items()) {
                    if (task.assignedAt().isBefore(due)) {
                        coordinator.complete(task.id());
                        completed.incrementAndGet();
                    }
                }
            }, 10, 10, TimeUnit.MILLISECONDS);

            SplittableRandom random = new SplittableRandom(20261206L);
            long start = System.nanoTime();
            long submitted = 0;
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                long due = start + submitted * 1_000_000_000L / RATE;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait); // pacing the arrivals, not waiting for a result
                }
                coordinator.submit(TaskSpec.builder().id(run + "-" + submitted).priority(1 + random.nextInt(10))
                        .requirements(1, 64).build());
                submitted++;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            QueueStats stats = coordinator.stats();
            timers.shutdownNow();
            System.out.printf("%s: %d submitted, %d completed in %.1f s (%.0f placements/s), %d still waiting%n",
                    strategy, submitted, completed.get(), elapsed, (completed.get() + CORES * NODES) / elapsed,
                    stats.total());
            System.out.println("priority | placed | p50 wait ms | p99 wait ms | max ms");
            List<String> rows = new ArrayList<>();
            for (Map.Entry<Integer, QueueStats.WaitTimes> e : stats.timeToPlacement().entrySet()) {
                rows.add(String.format("%8d | %6d | %11d | %11d | %6d", e.getKey(), e.getValue().samples(),
                        e.getValue().p50Millis(), e.getValue().p99Millis(), e.getValue().maxMillis()));
            }
            rows.forEach(System.out::println);
        }
    }
}
