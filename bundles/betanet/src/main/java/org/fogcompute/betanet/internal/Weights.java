package org.fogcompute.betanet.internal;

/** A mixnode's weight in the consensus: {@code 0.5·reputation + 0.3·performance + 0.2·min(1, ln(stake)/20)}, ≥ 0.01. */
final class Weights {
    static final double FLOOR = 0.01;

    private Weights() {
    }

    static double of(double reputation, double performance, long stake) {
        double stakeTerm = stake <= 1 ? 0 : Math.min(1, Math.log(stake) / 20);
        double weight = 0.5 * clamp(reputation) + 0.3 * clamp(performance) + 0.2 * stakeTerm;
        return round(Math.max(FLOOR, weight));
    }

    /** Six decimal places: what the signed document carries. */
    static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
