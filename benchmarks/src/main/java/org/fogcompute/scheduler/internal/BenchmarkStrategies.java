package org.fogcompute.scheduler.internal;

import java.time.Duration;
import java.util.SplittableRandom;
import org.apache.commons.rng.simple.RandomSource;
import org.fogcompute.api.Price;
import org.fogcompute.api.scheduling.SchedulingStrategy;

/** The built-in scheduling strategies as the benchmarks build them, outside OSGi, with fixed seeds. */
public final class BenchmarkStrategies {
    private BenchmarkStrategies() {
    }

    /**
     * The named strategy; ADAPTIVE and SLA share a model trained on {@code trainingRuns} runs of {@code types} task
     * types spread over {@code nodes} nodes named node-0.., so that decisions are made on learnt data.
     */
    public static SchedulingStrategy of(String name, int nodes, int types, int trainingRuns) {
        return switch (name) {
            case FifoStrategy.NAME -> new FifoStrategy();
            case PriorityStrategy.NAME -> new PriorityStrategy(60_000);
            case SlaStrategy.NAME -> new SlaStrategy(trained(nodes, types, trainingRuns));
            case CostStrategy.NAME -> new CostStrategy(new Price(1, 10));
            case AffinityStrategy.NAME -> new AffinityStrategy();
            case AdaptiveStrategy.NAME -> new AdaptiveStrategy(trained(nodes, types, trainingRuns));
            default -> throw new IllegalArgumentException("unknown scheduling strategy " + name);
        };
    }

    private static CompletionModel trained(int nodes, int types, int runs) {
        CompletionModel model = new CompletionModel(new AdaptiveModel(0.95, 3, 1000,
                RandomSource.XO_SHI_RO_256_PP.create(20261206L)), 32);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < runs; i++) {
            model.observe("node-" + random.nextInt(nodes), "type-" + random.nextInt(types),
                    Duration.ofMillis(1000 + random.nextInt(60_000)), random.nextInt(10) != 0);
        }
        return model;
    }
}
