package org.fogcompute.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.fogcompute.api.scheduling.PredictionError;
import org.junit.jupiter.api.Test;

class AdaptiveModelTest {
    private final UniformRandomProvider random = RandomSource.SPLIT_MIX_64.create(20261206L);
    private final AdaptiveModel model = new AdaptiveModel(0.95, 3, 500, random);

    /** A node's hidden truth: median seconds, spread of log-durations, success rate. */
    private record Truth(double seconds, double logSpread, double success) {
        Duration run(UniformRandomProvider random) {
            double gaussian = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian
                    .of(random).sample();
            return Duration.ofNanos((long) (seconds * Math.exp(logSpread * gaussian) * 1e9));
        }

        boolean succeeds(UniformRandomProvider random) {
            return random.nextDouble() < success;
        }
    }

    @Test
    void itLearnsEachNodesDurationForATaskType() {
        for (int i = 0; i < 50; i++) {
            model.observe("fast", "render", Duration.ofSeconds(10), true);
            model.observe("slow", "render", Duration.ofSeconds(100), true);
        }
        assertThat(model.predict("fast", "render").seconds()).isCloseTo(10, within(1.0));
        assertThat(model.predict("slow", "render").seconds()).isCloseTo(100, within(10.0));
        // an untried node is expected to be like the type, between the two
        double untried = model.predict("new", "render").seconds();
        assertThat(untried).isBetween(15.0, 70.0);
    }

    @Test
    void aPairWithLittleDataIsShrunkTowardItsType() {
        for (int i = 0; i < 30; i++) {
            model.observe("a", "etl", Duration.ofSeconds(100), true);
        }
        model.observe("b", "etl", Duration.ofSeconds(1), true);
        double b = model.predict("b", "etl").seconds();
        // one run of 1 s does not make b a 1 s node: with three pseudo-runs of the type it sits in between
        assertThat(b).isGreaterThan(10).isLessThan(100);
    }

    @Test
    void untriedNodesAreExploredAndExploitingTakesTheKnownBest() {
        for (int i = 0; i < 40; i++) {
            model.observe("known", "job", Duration.ofSeconds(20), true);
        }
        Map<String, Integer> picks = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            picks.merge(model.choose(List.of("known", "untried"), "job", false), 1, Integer::sum);
        }
        assertThat(picks.getOrDefault("untried", 0)).isPositive();
        assertThat(picks.get("known")).isGreaterThan(picks.getOrDefault("untried", 0));
        assertThat(model.choose(List.of("untried", "known"), "job", true)).isEqualTo("known");
    }

    @Test
    void aFastNodeThatOftenFailsLosesToASlowerReliableOne() {
        for (int i = 0; i < 60; i++) {
            model.observe("flaky", "batch", Duration.ofSeconds(10), i % 2 == 0);
            model.observe("steady", "batch", Duration.ofSeconds(15), true);
        }
        // flaky: 10 s at one success in two is 20 s to a success; steady: 15 s
        assertThat(model.predict("flaky", "batch").expectedSecondsToSuccess()).isGreaterThan(18);
        assertThat(model.choose(List.of("flaky", "steady"), "batch", true)).isEqualTo("steady");
    }

    /**
     * Against hidden truths (fixed seed): after a learning period it runs most tasks on the truly best node, and its
     * prediction error figures are what a calibrated model gives.
     */
    @Test
    void onSimulatedNodesItConvergesAndReportsItsError() {
        Map<String, Truth> truth = Map.of(
                "edge-a", new Truth(30, 0.2, 0.98),
                "edge-b", new Truth(12, 0.2, 0.6),
                "edge-c", new Truth(15, 0.2, 0.97),
                "edge-d", new Truth(60, 0.2, 0.99));
        List<String> nodes = List.of("edge-a", "edge-b", "edge-c", "edge-d");
        int bestPicks = 0;
        for (int round = 0; round < 1500; round++) {
            String node = model.choose(nodes, "infer", false);
            Truth t = truth.get(node);
            model.observe(node, "infer", t.run(random), t.succeeds(random));
            if (round >= 1000 && node.equals("edge-c")) {
                bestPicks++;
            }
        }
        // edge-c: 15 s / 0.97 = 15.5 s to a success; edge-b: 12 / 0.6 = 20 s; edge-a 31 s; edge-d 61 s
        assertThat(bestPicks).isGreaterThan(400);
        PredictionError error = model.error();
        System.out.println("ADAPTIVE on simulated nodes (seed 20261206): " + error + "; edge-c in " + bestPicks
                + " of the last 500 runs");
        assertThat(error.predictions()).isEqualTo(500);
        assertThat(error.meanAbsoluteLogRatio()).isLessThan(0.35);
        assertThat(error.medianAbsolutePercentageError()).isLessThan(0.3);
        assertThat(error.intervalCoverage()).isBetween(0.75, 1.0);
        assertThat(error.brier()).isLessThan(0.1);
    }

    @Test
    void withoutPredictionsThereAreNoFigures() {
        assertThat(model.error().predictions()).isZero();
        assertThat(model.error().brier()).isNaN();
    }
}
