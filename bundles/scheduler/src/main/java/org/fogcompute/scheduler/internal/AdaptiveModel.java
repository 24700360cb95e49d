package org.fogcompute.scheduler.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.fogcompute.api.scheduling.PredictionError;

/**
 * What ADAPTIVE scheduling learns from completed tasks, per (node, task type): a decayed estimate of the log of the
 * duration, shrunk toward the task type's fleet-wide estimate while the pair has little data, and a Beta posterior of
 * success shrunk toward the type's success rate. It chooses a node by Thompson sampling on the expected time to a
 * successful completion (duration / success probability: a failed run is run again), so untried pairs get explored;
 * {@code exploit} (SLA tasks) chooses by the posterior means instead. Every prediction is scored against what
 * happened, over a rolling window ({@link #error()}), so that its accuracy is a measured figure.
 *
 * <p>Samplers from Apache Commons RNG (Cheng's Beta, the ziggurat Gaussian) rather than hand-written ones. Not
 * thread-safe: the scheduler calls it under its lock.
 */
final class AdaptiveModel {
    /** Before anything of a type was seen: a minute, give or take a factor of ten. */
    static final double PRIOR_LOG_SECONDS = Math.log(60);
    static final double PRIOR_LOG_VARIANCE = Math.pow(Math.log(10), 2);
    /** A floor on the spread of log-durations: one decade of data never proves a node exact. */
    private static final double MIN_LOG_VARIANCE = 0.01;
    private static final double Z90 = 1.6448536269514722;

    private final double decay;
    private final double shrinkage;
    private final int window;
    private final UniformRandomProvider random;
    private final ZigguratSampler.NormalizedGaussian gaussian;
    private final Map<String, Stats> byType = new HashMap<>();
    private final Map<String, Stats> byPair = new HashMap<>();
    private final Deque<Scored> scored = new ArrayDeque<>();

    /** Exponentially decayed sums of log-durations and of successes. */
    private static final class Stats {
        double weight;
        double sum;
        double sumSquares;
        double runs;
        double successes;

        /** A failed run teaches the success rate only: it stopped part-way, so its duration is not a run's. */
        void add(double decay, double logSeconds, boolean success) {
            if (success) {
                weight = decay * weight + 1;
                sum = decay * sum + logSeconds;
                sumSquares = decay * sumSquares + logSeconds * logSeconds;
            }
            runs = decay * runs + 1;
            successes = decay * successes + (success ? 1 : 0);
        }

        double mean() {
            return sum / weight;
        }

        double variance() {
            return Math.max(MIN_LOG_VARIANCE, sumSquares / weight - mean() * mean());
        }
    }

    /**
     * What the model expects of a pair: the log-duration's mean, the spread of durations around it and the
     * uncertainty of the mean itself (their sum is the predictive variance), its median and 90 % interval in seconds,
     * and the success posterior Beta(alpha, beta).
     */
    record Prediction(double logMean, double spread, double meanVariance, double alpha, double beta) {
        double logVariance() {
            return spread + meanVariance;
        }

        double seconds() {
            return Math.exp(logMean);
        }

        double low() {
            return Math.exp(logMean - Z90 * Math.sqrt(logVariance()));
        }

        double high() {
            return Math.exp(logMean + Z90 * Math.sqrt(logVariance()));
        }

        double successProbability() {
            return alpha / (alpha + beta);
        }

        /** Expected seconds until a successful completion, retrying failures. */
        double expectedSecondsToSuccess() {
            return seconds() / successProbability();
        }
    }

    /** A prediction and what happened. */
    private record Scored(Prediction prediction, double seconds, boolean success, double typeSuccessRate) {
    }

    /**
     * @param decay     weight kept by past observations at each new one (0.95: the last ~20 runs matter most)
     * @param shrinkage pseudo-observations of the type's estimate in a pair's (how much data a pair needs to stand
     *                  on its own)
     * @param window    predictions scored in {@link #error()}
     */
    AdaptiveModel(double decay, double shrinkage, int window, UniformRandomProvider random) {
        if (decay <= 0 || decay > 1 || shrinkage <= 0 || window < 1) {
            throw new IllegalArgumentException("decay in (0, 1], shrinkage > 0, window >= 1");
        }
        this.decay = decay;
        this.shrinkage = shrinkage;
        this.window = window;
        this.random = random;
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(random);
    }

    /** Whether a run of this type was observed: before that, predictions are only the prior. */
    boolean hasSeen(String type) {
        return byType.containsKey(type);
    }

    Prediction predict(String node, String type) {
        Stats typeStats = byType.get(type);
        boolean typeTimed = typeStats != null && typeStats.weight > 0;
        double typeMean = typeTimed ? shrunk(typeStats.mean(), typeStats.weight, PRIOR_LOG_SECONDS, 1)
                : PRIOR_LOG_SECONDS;
        double typeVariance = typeTimed ? typeStats.variance() : PRIOR_LOG_VARIANCE;
        double typeSuccess = typeStats == null ? 0.9 : (typeStats.successes + 0.9) / (typeStats.runs + 1);
        Stats pair = byPair.get(key(node, type));
        double n = pair == null ? 0 : pair.weight;
        // empirical Bayes: a pair whose runs vary little around its own mean, among a type whose runs vary a lot,
        // needs little of the type's estimate; with fewer than two runs its spread is unknown and gets all of it
        double within = n < 2 ? typeVariance : pair.variance();
        double pull = shrinkage * Math.min(1, within / typeVariance);
        double mean = n == 0 ? typeMean : shrunk(pair.mean(), n, typeMean, pull);
        double spread = n < 2 ? typeVariance : (n * pair.variance() + pull * typeVariance) / (n + pull);
        double alpha = shrinkage * typeSuccess + (pair == null ? 0 : pair.successes);
        double beta = shrinkage * (1 - typeSuccess) + (pair == null ? 0 : pair.runs - pair.successes);
        // the mean itself is uncertain while data is thin: its variance shrinks with the pair's weight
        return new Prediction(mean, spread, spread / (n + pull), Math.max(alpha, 1e-3), Math.max(beta, 1e-3));
    }

    /**
     * The node to run a task of this type on, among the candidates (all able to host it): the smallest expected time
     * to a successful completion, sampled from the posteriors (explores), or from their means when exploiting.
     */
    String choose(List<String> candidates, String type, boolean exploit) {
        String best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (String node : candidates) {
            Prediction prediction = predict(node, type);
            double value;
            if (exploit) {
                value = prediction.expectedSecondsToSuccess();
            } else {
                // sample what is uncertain (the mean, the success rate), not the run-to-run noise
                double logSeconds = prediction.logMean() + Math.sqrt(prediction.meanVariance()) * gaussian.sample();
                double success = new ChengBetaSampler(random, prediction.alpha(), prediction.beta()).sample();
                value = Math.exp(logSeconds) / Math.max(success, 1e-6);
            }
            if (value < bestValue) {
                bestValue = value;
                best = node;
            }
        }
        return best;
    }

    /** A completed run: scores what was predicted for it, then learns from it. */
    void observe(String node, String type, Duration duration, boolean success) {
        double seconds = Math.max(duration.toNanos() / 1e9, 1e-3);
        Prediction before = predict(node, type);
        Stats typeStats = byType.get(type);
        double typeRate = typeStats == null ? 0.9 : (typeStats.successes + 0.9) / (typeStats.runs + 1);
        scored.addLast(new Scored(before, seconds, success, typeRate));
        if (scored.size() > window) {
            scored.removeFirst();
        }
        byType.computeIfAbsent(type, t -> new Stats()).add(decay, Math.log(seconds), success);
        byPair.computeIfAbsent(key(node, type), k -> new Stats()).add(decay, Math.log(seconds), success);
    }

    /**
     * How good the predictions were over the window: median absolute percentage error and mean |ln(actual /
     * predicted)| of durations, the share of durations inside the 90 % interval, the Brier score of the success
     * probability and its skill against always predicting the type's fleet-wide rate (above 0: better than that).
     */
    PredictionError error() {
        int n = scored.size();
        if (n == 0) {
            return new PredictionError(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] ape = new double[n];
        double logRatio = 0;
        int covered = 0;
        double brier = 0;
        double reference = 0;
        int i = 0;
        for (Scored s : scored) {
            // durations are scored on successful runs (a failed one stopped part-way), outcomes on all
            if (s.success()) {
                double predicted = s.prediction().seconds();
                ape[i++] = Math.abs(s.seconds() - predicted) / s.seconds();
                logRatio += Math.abs(Math.log(s.seconds() / predicted));
                if (s.seconds() >= s.prediction().low() && s.seconds() <= s.prediction().high()) {
                    covered++;
                }
            }
            double outcome = s.success() ? 1 : 0;
            brier += Math.pow(s.prediction().successProbability() - outcome, 2);
            reference += Math.pow(s.typeSuccessRate() - outcome, 2);
        }
        int timed = i;
        ape = Arrays.copyOf(ape, timed);
        Arrays.sort(ape);
        double median = timed == 0 ? Double.NaN : timed % 2 == 1 ? ape[timed / 2]
                : (ape[timed / 2 - 1] + ape[timed / 2]) / 2;
        double skill = reference == 0 ? (brier == 0 ? 0 : Double.NEGATIVE_INFINITY) : 1 - brier / reference;
        return new PredictionError(n, median, timed == 0 ? Double.NaN : logRatio / timed,
                timed == 0 ? Double.NaN : (double) covered / timed, brier / n, skill);
    }

    private static double shrunk(double mean, double weight, double toward, double strength) {
        return (weight * mean + strength * toward) / (weight + strength);
    }

    private static String key(String node, String type) {
        return node + '\u0000' + type;
    }
}
