package org.fogcompute.resources.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.fogcompute.api.resources.ResourceSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcSamplerTest {
    private static void write(Path proc, String cpu, long received, long sent) throws Exception {
        Files.createDirectories(proc.resolve("net"));
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("stat"), "cpu  " + cpu + "\ncpu0 1 2 3 4\n");
        Files.writeString(proc.resolve("meminfo"), "MemTotal:       1000000 kB\nMemFree:  100 kB\n"
                + "MemAvailable:    250000 kB\n");
        Files.writeString(proc.resolve("net/dev"), "Inter-|   Receive\n face |bytes    packets\n"
                + "    lo: 999999 1 0 0 0 0 0 0 999999 1 0 0 0 0 0 0\n"
                + "  eth0: " + received + " 10 0 0 0 0 0 0 " + sent + " 10 0 0 0 0 0 0\n");
        Files.writeString(proc.resolve("self/stat"), "123 (java (x)) S 1 1 1 0 -1 0 0 0 0 0 100 50 0 0 20 0 1 0\n");
    }

    @Test
    void figuresComeFromTheDifferenceBetweenTwoSamples(@TempDir Path dir) throws Exception {
        Path proc = dir.resolve("proc");
        // user nice system idle iowait irq softirq
        write(proc, "100 0 100 700 100 0 0", 1_000_000, 500_000);
        ProcSampler sampler = new ProcSampler(proc, dir, Clock.systemUTC(), 1000);
        ResourceSample first = sampler.sample();
        assertThat(first.cpuPercent()).as("no rate from one sample").isNaN();
        assertThat(first.memoryPercent()).isEqualTo(75.0);
        assertThat(first.diskPercent()).isBetween(0.0, 100.0);

        write(proc, "400 0 200 900 100 0 0", 1_000_000 + 125_000_000, 600_000);
        ResourceSample second = sampler.sample();
        assertThat(second.cpuPercent()).as("400 busy of 600 ticks").isCloseTo(66.67,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(second.networkMbps()).as("1 Gbit received, loopback left out").isPositive();
        assertThat(second.networkPercent()).isPositive();
    }
}
