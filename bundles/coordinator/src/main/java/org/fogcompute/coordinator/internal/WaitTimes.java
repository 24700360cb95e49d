package org.fogcompute.coordinator.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.fogcompute.api.scheduling.QueueStats;

/**
 * Time from submission to first placement per priority class, over the latest placements of each class (a ring of
 * fixed size, so that percentiles follow the current load). Guarded by the coordinator's lock.
 */
final class WaitTimes {
    private static final int KEPT = 1024;
    private final long[][] rings = new long[10][KEPT];
    private final int[] counts = new int[10];

    void record(int priority, long millis) {
        int index = priority - 1;
        rings[index][counts[index] % KEPT] = Math.max(0, millis);
        counts[index]++;
    }

    Map<Integer, QueueStats.WaitTimes> percentiles() {
        Map<Integer, QueueStats.WaitTimes> byClass = new TreeMap<>();
        for (int i = 0; i < rings.length; i++) {
            int n = Math.min(counts[i], KEPT);
            if (n == 0) {
                continue;
            }
            long[] sorted = Arrays.copyOf(rings[i], n);
            Arrays.sort(sorted);
            byClass.put(i + 1, new QueueStats.WaitTimes(n, sorted[rank(n, 0.50)], sorted[rank(n, 0.99)],
                    sorted[n - 1]));
        }
        return byClass;
    }

    /** Nearest-rank percentile index. */
    private static int rank(int n, double quantile) {
        return Math.max(0, (int) Math.ceil(quantile * n) - 1);
    }
}
