package org.fogcompute.resources.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.fogcompute.api.resources.ResourceSample;

/**
 * Samples from Linux's {@code /proc} and the JDK's standard beans: host cpu ({@code /proc/stat}), memory
 * ({@code /proc/meminfo}, MemAvailable), network ({@code /proc/net/dev}, every interface but loopback), the runtime's
 * cpu ({@code /proc/self/stat}), the data directory's disk and the heap (JDK). Chosen over OSHI: no native bundles
 * (JNA arriving refreshed jline and killed the shell here) and no {@code com.sun.management}, which Karaf does not
 * export; the price is that host figures other than disk are NaN off Linux. Rates come from the difference to the
 * previous sample, so the first sample has none.
 */
final class ProcSampler {
    private final Path proc;
    private final Path dataDirectory;
    private final Clock clock;
    private volatile double linkMbps;
    private long[] lastCpu;
    private long lastProcessTicks = -1;
    private long lastReceived = -1;
    private long lastSent = -1;
    private long lastNanos;

    ProcSampler(Path proc, Path dataDirectory, Clock clock, double linkMbps) {
        this.proc = proc;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        this.linkMbps = linkMbps;
    }

    void linkMbps(double mbps) {
        this.linkMbps = mbps;
    }

    synchronized ResourceSample sample() {
        long now = System.nanoTime();
        double seconds = lastNanos == 0 ? 0 : (now - lastNanos) / 1e9;
        lastNanos = now;
        double cpu = hostCpu();
        double processCpu = processCpu(seconds);
        double[] network = network(seconds);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        double heapPercent = heap.getMax() > 0 ? 100.0 * heap.getUsed() / heap.getMax() : Double.NaN;
        return new ResourceSample(clock.instant(), cpu, memory(), disk(), network[1], network[0], processCpu,
                heapPercent);
    }

    /** Busy share of all cpu time since the last sample, from the first line of /proc/stat. */
    private double hostCpu() {
        try {
            String[] fields = Files.readAllLines(proc.resolve("stat")).get(0).trim().split("\\s+");
            long[] ticks = new long[fields.length - 1];
            for (int i = 1; i < fields.length; i++) {
                ticks[i - 1] = Long.parseLong(fields[i]);
            }
            long[] before = lastCpu;
            lastCpu = ticks;
            if (before == null || before.length != ticks.length) {
                return Double.NaN;
            }
            long total = 0;
            long idle = 0;
            for (int i = 0; i < ticks.length; i++) {
                long delta = ticks[i] - before[i];
                total += delta;
                if (i == 3 || i == 4) { // idle, iowait
                    idle += delta;
                }
            }
            return total <= 0 ? Double.NaN : 100.0 * (total - idle) / total;
        } catch (IOException | RuntimeException notLinux) {
            return Double.NaN;
        }
    }

    /** 1 - MemAvailable / MemTotal. */
    private double memory() {
        try {
            long total = -1;
            long available = -1;
            for (String line : Files.readAllLines(proc.resolve("meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    total = kilobytes(line);
                } else if (line.startsWith("MemAvailable:")) {
                    available = kilobytes(line);
                }
            }
            return total <= 0 || available < 0 ? Double.NaN : 100.0 * (total - available) / total;
        } catch (IOException | RuntimeException notLinux) {
            return Double.NaN;
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** The runtime's user and system time since the last sample, as a share of one cpu times the cpus. */
    private double processCpu(double seconds) {
        try {
            String stat = Files.readString(proc.resolve("self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            long before = lastProcessTicks;
            lastProcessTicks = ticks;
            if (before < 0 || seconds <= 0) {
                return Double.NaN;
            }
            int cpus = Runtime.getRuntime().availableProcessors();
            return 100.0 * (ticks - before) / 100.0 / seconds / cpus; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException notLinux) {
            return Double.NaN;
        }
    }

    /** {Mbps, percent of the link} of the busier direction summed over the interfaces but loopback. */
    private double[] network(double seconds) {
        try {
            List<String> lines = Files.readAllLines(proc.resolve("net/dev"));
            long received = 0;
            long sent = 0;
            for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
                String[] parts = line.trim().split("[:\\s]+");
                if (parts.length > 9 && !parts[0].equals("lo")) {
                    received += Long.parseLong(parts[1]);
                    sent += Long.parseLong(parts[9]);
                }
            }
            long receivedBefore = lastReceived;
            long sentBefore = lastSent;
            lastReceived = received;
            lastSent = sent;
            if (receivedBefore < 0 || seconds <= 0 || received < receivedBefore || sent < sentBefore) {
                return new double[] {Double.NaN, Double.NaN}; // first sample, or counters reset
            }
            double mbps = Math.max(received - receivedBefore, sent - sentBefore) * 8 / 1e6 / seconds;
            return new double[] {mbps, linkMbps > 0 ? 100.0 * mbps / linkMbps : Double.NaN};
        } catch (IOException | RuntimeException notLinux) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** The data directory's volume: used share of its space. */
    private double disk() {
        try {
            FileStore store = Files.getFileStore(dataDirectory);
            long total = store.getTotalSpace();
            return total <= 0 ? Double.NaN : 100.0 * (total - store.getUsableSpace()) / total;
        } catch (IOException | RuntimeException unknown) {
            return Double.NaN;
        }
    }
}
