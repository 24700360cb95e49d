package org.fogcompute.coordinator.internal;

/**
 * Phi-accrual failure detector (Hayashibara et al.) for one node. Keeps an exponentially weighted mean and variance
 * of heartbeat intervals instead of a sample window, so each node costs a few bytes even in a fleet of 100,000.
 */
final class PhiAccrualDetector {
    private static final double WEIGHT = 0.1;

    private final double minStdDevMillis;
    private double meanMillis;
    private double varianceMillis;

    /** Seeded with the configured interval so that a node that heartbeats once is judged sensibly. */
    PhiAccrualDetector(long expectedIntervalMillis) {
        this.meanMillis = expectedIntervalMillis;
        this.minStdDevMillis = Math.max(1.0, expectedIntervalMillis / 10.0);
        this.varianceMillis = Math.pow(expectedIntervalMillis / 4.0, 2);
    }

    void recordInterval(long intervalMillis) {
        double delta = intervalMillis - meanMillis;
        meanMillis += WEIGHT * delta;
        varianceMillis = (1 - WEIGHT) * (varianceMillis + WEIGHT * delta * delta);
    }

    /** Suspicion level after {@code elapsedMillis} without a heartbeat: phi = -log10(P(a heartbeat comes later)). */
    double phi(long elapsedMillis) {
        double stdDev = Math.max(Math.sqrt(varianceMillis), minStdDevMillis);
        double y = (elapsedMillis - meanMillis) / stdDev;
        // Logistic approximation of the normal CDF (as used by Akka and Cassandra): avoids erf.
        double e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
        if (elapsedMillis > meanMillis) {
            return -Math.log10(e / (1.0 + e));
        }
        return -Math.log10(1.0 - 1.0 / (1.0 + e));
    }

    double meanMillis() {
        return meanMillis;
    }
}
