package org.fogcompute.coordinator.internal;

import java.util.concurrent.TimeUnit;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.edge.Allocation;
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
 * One placement decision at 10,000 nodes with the platform's constraints (issue 16): every task asks for a reputation
 * of at least 0.7 (about 30 % of the workload's nodes have it), one node in four is a device capped to a fifth of its
 * cpu by its battery and one in four has left harvest (allocated nothing). Compare with {@code RoutingBenchmark.decide}
 * at 10,000 nodes, run in the same invocation.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ConstrainedRoutingBenchmark {
    private static final int TASKS = 1024;

    @Param({"round-robin", "least-loaded", "affinity", "proximity", "privacy-aware"})
    String strategy;

    private Placer placer;
    private TaskSpec[] tasks;
    private int next;

    @Setup
    public void setUp() {
        FleetIndex index = BenchmarkWorkload.index(10_000, entry -> {
            NodeSpec spec = entry.spec;
            switch ((int) (entry.sequence % 4)) {
                case 0 -> entry.allocation = new Allocation(spec.capacity().cpuCores() / 5, 512,
                        "device capped to 20% cpu and 512 MB: battery 9% (at most 10%)", false);
                case 1 -> entry.allocation = Allocation.drained("harvest: not charging");
                default -> entry.allocation = null;
            }
        });
        placer = new Placer(BenchmarkWorkload.builtInStrategies(), index);
        tasks = BenchmarkWorkload.tasks(TASKS, strategy, 7);
        for (int i = 0; i < TASKS; i++) {
            tasks[i] = new TaskSpec(tasks[i].id(), tasks[i].type(), tasks[i].priority(),
                    tasks[i].requirements().withMinReputation(0.7), tasks[i].privacy(),
                    tasks[i].requireOnionCircuit(), tasks[i].preferredRegion(), tasks[i].preferredLocation(),
                    tasks[i].deadline(), tasks[i].payload(), tasks[i].strategy(), tasks[i].jobId());
        }
    }

    @Benchmark
    public Placer.Decision decide() {
        return placer.place(tasks[next++ & (TASKS - 1)]);
    }
}
