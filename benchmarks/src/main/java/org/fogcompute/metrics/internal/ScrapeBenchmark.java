package org.fogcompute.metrics.internal;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.fogcompute.coordinator.internal.BenchmarkWorkload;
import org.fogcompute.coordinator.internal.Coordinator;
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
 * One scrape's work at 10,000 nodes: the coordinator's metrics (the fleet counted by status and type, capacity, the
 * queue, routing histograms for the five strategies after 1,024 tasks) and the JVM's, written in the text format.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScrapeBenchmark {
    @Param({"10000"})
    int nodes;

    private Coordinator coordinator;
    private final JvmSource jvm = new JvmSource();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    @Setup
    public void setUp() {
        coordinator = BenchmarkWorkload.fleet(nodes, 42);
        for (String strategy : new String[] {"round-robin", "least-loaded", "affinity", "proximity", "privacy-aware"}) {
            for (var task : BenchmarkWorkload.tasks(1024, strategy, 7)) {
                coordinator.complete(coordinator.submit(task.withId(null)).id());
            }
        }
    }

    @Benchmark
    public int scrape() throws IOException {
        SnapshotSink sink = new SnapshotSink();
        jvm.collect(sink);
        coordinator.collectMetrics(sink);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        writer.write(out, new MetricSnapshots(sink.snapshots(Set.of())), EscapingScheme.UNDERSCORE_ESCAPING);
        return out.size();
    }
}
