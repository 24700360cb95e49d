package org.fogcompute.coordinator.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.NodeSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process registration throughput (SPEC §14: ≥ 50,000 nodes/s): each invocation registers 10,000 workload nodes
 * one by one into an empty coordinator, so the figure covers fleets growing from 0 to 10,000.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RegistrationBenchmark {
    private static final int BATCH = 10_000;

    private final List<NodeSpec> specs = BenchmarkWorkload.nodes(BATCH, 42);
    private Coordinator coordinator;

    @Setup(Level.Invocation)
    public void freshCoordinator() {
        coordinator = BenchmarkWorkload.coordinator();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Coordinator registerOneByOne() {
        for (int i = 0; i < BATCH; i++) {
            coordinator.register(specs.get(i));
        }
        return coordinator;
    }
}
