package org.fogcompute.metrics.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import org.fogcompute.api.metrics.MetricsSink;
import org.fogcompute.api.metrics.MetricsSource;

/**
 * The JVM's heap, memory pools, collections, threads and classes from {@code java.lang.management}. (The Prometheus
 * client's own JVM collectors import {@code com.sun.management}, which Karaf's framework does not export and which
 * karaf:verify cannot be told of; these standard beans say what an operator needs.) Names follow the client's JVM
 * metrics, so that dashboards for it work.
 */
final class JvmSource implements MetricsSource {

    @Override
    public void collect(MetricsSink sink) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        sink.gauge("jvm_memory_used_bytes", "Used memory by area", heap.getUsed(), "area", "heap");
        sink.gauge("jvm_memory_used_bytes", "Used memory by area", nonHeap.getUsed(), "area", "nonheap");
        sink.gauge("jvm_memory_committed_bytes", "Committed memory by area", heap.getCommitted(), "area", "heap");
        sink.gauge("jvm_memory_committed_bytes", "Committed memory by area", nonHeap.getCommitted(), "area",
                "nonheap");
        sink.gauge("jvm_memory_max_bytes", "Most memory by area (-1: no limit)", heap.getMax(), "area", "heap");
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pool.getUsage();
            if (usage != null) {
                sink.gauge("jvm_memory_pool_used_bytes", "Used memory by pool", usage.getUsed(), "pool",
                        pool.getName());
            }
            MemoryUsage afterGc = pool.isCollectionUsageThresholdSupported() ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                sink.gauge("jvm_memory_pool_collection_used_bytes", "Used memory by pool after the last collection",
                        afterGc.getUsed(), "pool", pool.getName());
            }
        }
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            sink.counter("jvm_gc_collections_total", "Collections by collector", Math.max(0,
                    collector.getCollectionCount()), "gc", collector.getName());
            sink.counter("jvm_gc_collection_seconds_total", "Time spent collecting, by collector",
                    Math.max(0, collector.getCollectionTime()) / 1000.0, "gc", collector.getName());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        sink.gauge("jvm_threads_current", "Live threads", threads.getThreadCount());
        sink.gauge("jvm_threads_daemon", "Live daemon threads", threads.getDaemonThreadCount());
        sink.gauge("jvm_threads_peak", "Most live threads since the start", threads.getPeakThreadCount());
        sink.gauge("jvm_classes_currently_loaded", "Classes loaded now",
                ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
        sink.gauge("process_uptime_seconds", "Time since the JVM started",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        sink.gauge("system_load_average_1m", "The host's load average over a minute (-1: not available)",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
