package org.fogcompute.coordinator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.ResourcePreference;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.fogcompute.scheduler.internal.BenchmarkStrategies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scheduling decisions at 10,000 nodes with 100,000 tasks queued, per scheduling strategy. One decision: take the
 * first ready task in the strategy's order from the active queue, decide its node (the scheduling strategy's
 * preference, else the default routing strategy, least-loaded), and queue it again as a new arrival, so that the
 * queue stays at 100,000 and every decision pays for the sorted insertion too. Nothing is reserved: each decision
 * sees the whole fleet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SchedulingBenchmark {
    private static final int TYPES = 16;
    private static final int SPECS = 4096;

    @Param({"10000"})
    int nodes;

    @Param({"100000"})
    int queued;

    @Param({"fifo", "priority", "sla", "cost", "affinity", "adaptive"})
    String strategy;

    private SchedulingQueue queue;
    private Placer placer;
    private TaskSpec[] specs;
    private Instant now;
    private long sequence;
    private int next;

    @Setup
    public void setUp() {
        FleetIndex index = new FleetIndex();
        SplittableRandom random = new SplittableRandom(43);
        now = Instant.now();
        long nodeSequence = 0;
        for (NodeSpec spec : BenchmarkWorkload.nodes(nodes, 42)) {
            NodeEntry entry = new NodeEntry(nodeSequence++, spec, now, 30_000);
            entry.metrics = BenchmarkWorkload.metrics(random);
            entry.refresh();
            index.add(entry);
        }
        SchedulingStrategy chosen = BenchmarkStrategies.of(strategy, nodes, TYPES, 50_000);
        SchedulingStrategyRegistry scheduling = new SchedulingStrategyRegistry(strategy);
        scheduling.add(strategy, chosen);
        placer = new Placer(BenchmarkWorkload.builtInStrategies(), index);
        placer.scheduling(scheduling);
        queue = new SchedulingQueue(chosen.order(), Duration.ofMinutes(5));
        specs = new TaskSpec[SPECS];
        for (int i = 0; i < SPECS; i++) {
            specs[i] = TaskSpec.builder().id("spec-" + i).type("type-" + random.nextInt(TYPES))
                    .priority(1 + random.nextInt(10)).requirements(1 + random.nextInt(2), 256L << random.nextInt(3))
                    .deadline(random.nextBoolean() ? now.plusSeconds(3600 + random.nextInt(86_400)) : null)
                    .preferredResource(random.nextInt(5) == 0 ? ResourcePreference.GPU : null).build();
        }
        for (int i = 0; i < queued; i++) {
            queue.add(new QueuedTask(specs[i % SPECS].withId("t-" + sequence), sequence++,
                    now.plusMillis(random.nextInt(600_000))));
        }
    }

    @Benchmark
    public Placer.Decision decide() {
        SchedulingQueue.Attempt attempt = queue.next(now);
        Placer.Decision decision = placer.place(attempt.task().spec());
        queue.placed(attempt);
        TaskSpec spec = specs[next++ & (SPECS - 1)].withId("t-" + sequence);
        queue.add(new QueuedTask(spec, sequence++, now));
        return decision;
    }
}
