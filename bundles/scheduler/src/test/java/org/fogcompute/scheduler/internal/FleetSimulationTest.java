package org.fogcompute.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.apache.commons.rng.simple.RandomSource;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.NodeOrder;
import org.fogcompute.api.scheduling.NodeChoice;
import org.fogcompute.api.scheduling.PredictionError;
import org.junit.jupiter.api.Test;

/**
 * ADAPTIVE against baselines on a simulated fleet with hidden truths (fixed seed): twelve one-slot nodes whose speed
 * per task type and failure rate the schedulers do not know, two task types, Poisson arrivals, a FIFO queue, a failed
 * run retried. Each policy chooses among the free nodes: FIFO + least-loaded (the first free node in the fleet's
 * least-loaded order), AFFINITY (CPU work off the GPU nodes) and ADAPTIVE (learnt). Completion time is from arrival
 * to the first successful run.
 */
class FleetSimulationTest {
    private static final long SEED = 20261206L;
    private static final int TASKS = 6000;
    /** Hidden median seconds of type "etl" and "render" per node, and the failure rate. */
    private static final double[][] TRUTH = {
        {10, 40, 0.02}, {10, 40, 0.02}, {25, 25, 0.05}, {25, 25, 0.05}, {60, 60, 0.02}, {60, 60, 0.02},
        {8, 80, 0.35}, {8, 80, 0.35}, {40, 10, 0.02}, {40, 10, 0.02}, {20, 8, 0.03}, {20, 8, 0.03}};
    private static final int GPU_NODES = 2; // the last two

    interface Policy {
        String choose(TaskSpec task, List<Node> free);
    }

    record Outcome(double mean, double p99) {
    }

    @Test
    void adaptiveBeatsLeastLoadedAndAffinityOnMeanAndP99CompletionTime() {
        Policy leastLoaded = (task, free) -> Candidates.of(task, free).eligible(NodeOrder.LEAST_LOADED).iterator()
                .next().id();
        AffinityStrategy affinity = new AffinityStrategy();
        Policy affine = (task, free) -> {
            NodeChoice choice = affinity.choose(task, Candidates.of(task, free));
            return choice.node() != null ? choice.node().id() : leastLoaded.choose(task, free);
        };
        CompletionModel model = new CompletionModel(new AdaptiveModel(0.95, 3, 1000,
                RandomSource.XO_SHI_RO_256_PP.create(SEED)), 32);
        AdaptiveStrategy adaptive = new AdaptiveStrategy(model);
        Policy learnt = (task, free) -> adaptive.choose(task, Candidates.of(task, free)).node().id();

        Outcome baseline = simulate(leastLoaded, null);
        Outcome byAffinity = simulate(affine, null);
        Outcome byAdaptive = simulate(learnt, model);
        PredictionError error = model.error();
        System.out.printf("Simulated fleet (seed %d, %d tasks): mean / p99 completion s: FIFO+least-loaded %.1f / %.1f,"
                + " AFFINITY %.1f / %.1f, ADAPTIVE %.1f / %.1f; ADAPTIVE prediction error: %s%n", SEED, TASKS,
                baseline.mean(), baseline.p99(), byAffinity.mean(), byAffinity.p99(), byAdaptive.mean(),
                byAdaptive.p99(), error);
        assertThat(byAdaptive.mean()).isLessThan(baseline.mean()).isLessThan(byAffinity.mean());
        assertThat(byAdaptive.p99()).isLessThan(baseline.p99()).isLessThan(byAffinity.p99());
        assertThat(error.predictions()).isEqualTo(1000);
    }

    /** One run of the workload under a policy; the model, when given, learns from every run. */
    private static Outcome simulate(Policy policy, CompletionModel model) {
        SplittableRandom random = new SplittableRandom(SEED);
        int n = TRUTH.length;
        boolean[] busy = new boolean[n];
        /** An arrival (kind 0) or the end of a run (kind 1) that took {@code ran} seconds. */
        record Event(double time, int kind, int task, int node, boolean success, double ran) {
        }
        PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> Double.compare(a.time(), b.time()));
        double[] arrival = new double[TASKS];
        String[] type = new String[TASKS];
        double clock = 0;
        for (int i = 0; i < TASKS; i++) {
            clock += -Math.log(1 - random.nextDouble()) * 4.0; // one task every 4 s on average
            arrival[i] = clock;
            type[i] = random.nextInt(3) == 0 ? "render" : "etl";
            events.add(new Event(clock, 0, i, -1, false, 0));
        }
        Deque<Integer> waiting = new ArrayDeque<>();
        double[] completion = new double[TASKS];
        int done = 0;
        while (done < TASKS) {
            Event event = events.poll();
            double now = event.time();
            if (event.kind() == 0) {
                waiting.addLast(event.task());
            } else {
                busy[event.node()] = false;
                if (model != null) {
                    model.observe("n" + event.node(), type[event.task()], Duration.ofMillis((long) (1000 * event.ran())),
                            event.success());
                }
                if (event.success()) {
                    completion[event.task()] = now - arrival[event.task()];
                    done++;
                } else {
                    waiting.addFirst(event.task()); // a failed run is retried first
                }
            }
            while (!waiting.isEmpty()) {
                List<Node> free = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (!busy[i]) {
                        free.add(node(i));
                    }
                }
                if (free.isEmpty()) {
                    break;
                }
                int task = waiting.pollFirst();
                TaskSpec spec = TaskSpec.builder().id("t" + task).type(type[task]).requirements(1, 64).build();
                int chosen = Integer.parseInt(policy.choose(spec, free).substring(1));
                busy[chosen] = true;
                double median = TRUTH[chosen][type[task].equals("etl") ? 0 : 1];
                double seconds = median * Math.exp(0.25 * gaussian(random));
                boolean success = random.nextDouble() >= TRUTH[chosen][2];
                double ran = success ? seconds : seconds * random.nextDouble(); // a failure shows part-way
                events.add(new Event(now + ran, 1, task, chosen, success, ran));
            }
        }
        Arrays.sort(completion);
        double sum = 0;
        for (double c : completion) {
            sum += c;
        }
        return new Outcome(sum / TASKS, completion[(int) Math.ceil(0.99 * TASKS) - 1]);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: enough for a simulation's noise
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static Node node(int i) {
        NodeSpec spec = NodeSpec.builder("n" + i).capacity(1, 4096).gpus(i >= TRUTH.length - GPU_NODES ? 1 : 0)
                .build();
        return new Node(spec, NodeStatus.ACTIVE, new NodeMetrics(0, 0, 100, 0), 0, 0, 0, 0, 0, Instant.EPOCH,
                Instant.EPOCH);
    }
}
