package org.fogcompute.coordinator.internal;

import java.util.concurrent.TimeUnit;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskSpec;
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
 * Routing at fleet sizes of 1,000 and 10,000 nodes for each built-in strategy (SPEC §14).
 *
 * <ul>
 *   <li>{@code decide}: one placement decision: collect the eligible nodes, ask the strategy. Nothing is reserved,
 *       so every call decides over the full fleet.</li>
 *   <li>{@code submitAndComplete}: the whole routing call through the coordinator's public API (decision,
 *       reservation, bookkeeping) followed by completing the task, which releases the capacity again.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RoutingBenchmark {
    private static final int TASKS = 1024;

    @Param({"1000", "10000"})
    int nodes;

    @Param({"round-robin", "least-loaded", "affinity", "proximity", "privacy-aware", "least-connections",
        "consistent-hash"})
    String strategy;

    private Placer placer;
    private Coordinator coordinator;
    private TaskSpec[] tasks;
    private TaskSpec[] anonymousTasks;
    private int next;

    @Setup
    public void setUp() {
        FleetIndex index = BenchmarkWorkload.index(nodes, entry -> { });
        placer = new Placer(BenchmarkWorkload.builtInStrategies(), index);
        coordinator = BenchmarkWorkload.fleet(nodes, 42);
        tasks = BenchmarkWorkload.tasks(TASKS, strategy, 7);
        anonymousTasks = new TaskSpec[TASKS];
        for (int i = 0; i < TASKS; i++) {
            anonymousTasks[i] = tasks[i].withId(null);
        }
    }

    @Benchmark
    public Placer.Decision decide() {
        return placer.place(tasks[next++ & (TASKS - 1)]);
    }

    @Benchmark
    public Task submitAndComplete() {
        Task task = coordinator.submit(anonymousTasks[next++ & (TASKS - 1)]);
        return coordinator.complete(task.id());
    }
}
