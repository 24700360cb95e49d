package org.fogcompute.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.fogcompute.api.metrics.Histogram;
import org.junit.jupiter.api.Test;

class SnapshotSinkTest {
    private static String exposition(SnapshotSink sink) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, new MetricSnapshots(sink.snapshots(Set.of())),
                EscapingScheme.UNDERSCORE_ESCAPING);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void gaugesCountersAndHistogramsAreExposedInTheTextFormat() throws IOException {
        SnapshotSink sink = new SnapshotSink();
        sink.gauge("fog_nodes", "Registered nodes", 3, "status", "ACTIVE");
        sink.gauge("fog_nodes", "Registered nodes", 1, "status", "SUSPECT");
        sink.counter("fog_tasks_finished_total", "Tasks finished", 42, "outcome", "COMPLETED");
        Histogram latency = new Histogram(new double[] {0.001, 0.01});
        latency.observe(0.0005);
        latency.observe(0.001);
        latency.observe(0.5);
        sink.histogram("fog_routing_seconds", "Routing latency", latency.snapshot(), "strategy", "least-loaded");

        String text = exposition(sink);
        assertThat(text).contains("# TYPE fog_nodes gauge", "fog_nodes{status=\"ACTIVE\"} 3.0",
                "fog_nodes{status=\"SUSPECT\"} 1.0", "# TYPE fog_tasks_finished_total counter",
                "fog_tasks_finished_total{outcome=\"COMPLETED\"} 42.0",
                "fog_routing_seconds_bucket{strategy=\"least-loaded\",le=\"0.001\"} 2",
                "fog_routing_seconds_bucket{strategy=\"least-loaded\",le=\"0.01\"} 2",
                "fog_routing_seconds_bucket{strategy=\"least-loaded\",le=\"+Inf\"} 3",
                "fog_routing_seconds_count{strategy=\"least-loaded\"} 3");
        assertThat(sink.dropped()).isZero();
    }

    @Test
    void whatWouldBreakTheExpositionOrGrowWithoutBoundIsLeftOutAndCounted() throws IOException {
        SnapshotSink sink = new SnapshotSink();
        sink.gauge("bad name", "x", 1);
        sink.gauge("fog_ok", "x", 1, "odd");
        sink.gauge("fog_ok", "x", 1, "__reserved", "v");
        sink.counter("fog_no_suffix", "x", 1);
        sink.gauge("fog_twice", "x", 1);
        sink.counter("fog_twice_total", "x", 1);
        sink.gauge("fog_twice", "x", 2, "a", "b");
        sink.counter("fog_twice_total", "x", 2, "a", "b");
        for (int i = 0; i < SnapshotSink.MAX_SERIES + 10; i++) {
            sink.gauge("fog_per_key", "a label that is not bounded", i, "key", "k" + i);
        }

        String text = exposition(sink);
        assertThat(text).doesNotContain("bad name", "fog_no_suffix", "__reserved");
        assertThat(text.lines().filter(l -> l.startsWith("fog_per_key{"))).hasSize(SnapshotSink.MAX_SERIES);
        assertThat(sink.dropped()).isEqualTo(4 + 10 + 2); // bad name, odd labels, reserved, no suffix; 10; twice
        assertThat(sink.problems()).anyMatch(p -> p.contains("not bounded"));
    }

    @Test
    void aNameAnotherCollectorExposesIsNotExposedTwice() {
        SnapshotSink sink = new SnapshotSink();
        sink.gauge("jvm_threads_current", "x", 1);
        assertThat(sink.snapshots(Set.of("jvm_threads_current"))).isEmpty();
        assertThat(sink.dropped()).isEqualTo(1);
    }
}
