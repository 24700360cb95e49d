package org.fogcompute.api.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fixed-bucket histogram cheap enough for hot paths: one {@link LongAdder} per bucket (contention spreads over
 * cells), the bucket found by a binary search of the bounds. Values in the unit of the bounds (seconds for latency).
 */
public final class Histogram {
    /** Latency bounds from 1 µs to 10 s, in seconds: what routing, commits and HTTP calls span. */
    public static final double[] LATENCY_SECONDS = {1e-6, 2.5e-6, 5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3,
        2.5e-3, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** What a scrape reads: the count in each bucket (not cumulative) by its upper bound (the last +Inf), sum, count. */
    public record Snapshot(double[] upperBounds, long[] counts, double sum, long count) {
    }

    private final double[] bounds;
    private final LongAdder[] buckets;
    private final DoubleAdder sum = new DoubleAdder();

    public Histogram(double[] bounds) {
        this.bounds = bounds.clone();
        for (int i = 1; i < this.bounds.length; i++) {
            if (!(this.bounds[i] > this.bounds[i - 1])) {
                throw new IllegalArgumentException("bounds must increase: " + Arrays.toString(bounds));
            }
        }
        this.buckets = new LongAdder[this.bounds.length + 1];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    public void observe(double value) {
        int at = Arrays.binarySearch(bounds, value);
        buckets[at >= 0 ? at : -at - 1].increment(); // a value equal to a bound counts in that bound's bucket
        sum.add(value);
    }

    /** Observes a duration given in nanoseconds, as seconds. */
    public void observeNanos(long nanos) {
        observe(nanos / 1e9);
    }

    public Snapshot snapshot() {
        double[] upper = Arrays.copyOf(bounds, bounds.length + 1);
        upper[bounds.length] = Double.POSITIVE_INFINITY;
        long[] counts = new long[buckets.length];
        long total = 0;
        for (int i = 0; i < buckets.length; i++) {
            counts[i] = buckets[i].sum();
            total += counts[i];
        }
        return new Snapshot(upper, counts, sum.sum(), total);
    }
}
