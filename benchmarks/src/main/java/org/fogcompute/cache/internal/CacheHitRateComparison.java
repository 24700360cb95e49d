package org.fogcompute.cache.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Hit rate of the memory level (Caffeine, W-TinyLFU) against a plain LRU of the same size on a Zipf-distributed
 * workload (1,000,000 reads over 100,000 keys, exponent 0.9 and 1.1, fixed seed), both loading misses.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.fogcompute.cache.internal.CacheHitRateComparison}
 */
public final class CacheHitRateComparison {
    private static final int KEYS = 100_000;
    private static final int READS = 1_000_000;
    private static final int SIZE = 5_000;

    private CacheHitRateComparison() {
    }

    public static void main(String[] args) {
        for (double exponent : new double[] {0.9, 1.1}) {
            int[] trace = zipfTrace(exponent, 20_261_125L);
            System.out.printf("Zipf s=%.1f, %,d reads over %,d keys, %,d entries: memory level %.1f %%, LRU %.1f %%%n",
                    exponent, READS, KEYS, SIZE, 100 * memoryLevel(trace), 100 * lru(trace));
        }
    }

    private static double memoryLevel(int[] trace) {
        try (CacheEngine engine = new CacheEngine(new CacheEngine.Options("", SIZE, Duration.ofHours(1),
                Duration.ofMillis(500), 2000, 5000, 5000, 1000), TimeSource.SYSTEM)) {
            TwoLevelCache cache = (TwoLevelCache) engine.namespace("zipf");
            int hits = 0;
            for (int key : trace) {
                String name = Integer.toString(key);
                if (cache.memory().get(name) != null) {
                    hits++;
                } else {
                    cache.put(name, key);
                }
            }
            return (double) hits / trace.length;
        }
    }

    private static double lru(int[] trace) {
        Map<Integer, Integer> lru = new LinkedHashMap<>(SIZE * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
                return size() > SIZE;
            }
        };
        int hits = 0;
        for (int key : trace) {
            if (lru.get(key) != null) {
                hits++;
            } else {
                lru.put(key, key);
            }
        }
        return (double) hits / trace.length;
    }

    /** Keys drawn with probability proportional to 1 / rank^s, ranks shuffled so hot keys are spread out. */
    static int[] zipfTrace(double exponent, long seed) {
        double[] cumulative = new double[KEYS];
        double sum = 0;
        for (int rank = 1; rank <= KEYS; rank++) {
            sum += 1 / Math.pow(rank, exponent);
            cumulative[rank - 1] = sum;
        }
        Random random = new Random(seed);
        int[] permutation = new int[KEYS];
        for (int i = 0; i < KEYS; i++) {
            permutation[i] = i;
        }
        for (int i = KEYS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
        int[] trace = new int[READS];
        for (int i = 0; i < READS; i++) {
            double u = random.nextDouble() * sum;
            int index = java.util.Arrays.binarySearch(cumulative, u);
            trace[i] = permutation[index < 0 ? -index - 1 : index];
        }
        return trace;
    }
}
