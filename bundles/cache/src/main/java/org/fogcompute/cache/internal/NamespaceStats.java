package org.fogcompute.cache.internal;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.fogcompute.api.cache.CacheStats;

/**
 * Counters and a read-latency histogram (HdrHistogram, microseconds) of one namespace. Latency is recorded for one
 * read in {@value #SAMPLE_EVERY}, chosen at random: recording every read made two threads contend on the
 * histogram and cost a memory hit 40 times what the lookup costs; a uniform sample keeps the percentiles.
 */
final class NamespaceStats {
    static final int SAMPLE_EVERY = 16;

    final LongAdder memoryHits = new LongAdder();
    final LongAdder sharedHits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder loads = new LongAdder();
    final LongAdder errors = new LongAdder();
    private final ConcurrentHistogram readMicros = new ConcurrentHistogram(3_600_000_000L, 2);

    /** Whether to time this read. */
    static boolean sampled() {
        return java.util.concurrent.ThreadLocalRandom.current().nextInt(SAMPLE_EVERY) == 0;
    }

    void recordRead(long nanos) {
        readMicros.recordValue(Math.max(0, Math.min(nanos / 1000, 3_600_000_000L)));
    }

    CacheStats snapshot(String namespace, long entries) {
        long memory = memoryHits.sum();
        long shared = sharedHits.sum();
        boolean any = readMicros.getTotalCount() > 0;
        return new CacheStats(namespace, memory + shared, memory, shared, misses.sum(), loads.sum(), errors.sum(),
                entries, any ? readMicros.getValueAtPercentile(50) : 0, any ? readMicros.getValueAtPercentile(99) : 0);
    }
}
