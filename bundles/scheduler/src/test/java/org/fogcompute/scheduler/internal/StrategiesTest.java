package org.fogcompute.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.rng.simple.RandomSource;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.Price;
import org.fogcompute.api.ResourcePreference;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.scheduling.NodeChoice;
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.fogcompute.api.scheduling.WaitReason;
import org.junit.jupiter.api.Test;

/** Each scheduling strategy's order, admission and node choice on hand-made tasks and nodes. */
class StrategiesTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private long sequence;

    private QueuedTask queued(String id, int priority, Instant queuedAt, Instant deadline) {
        return new QueuedTask(TaskSpec.builder().id(id).priority(priority).deadline(deadline).build(), sequence++,
                queuedAt);
    }

    /** The queue's own rule: the strategy's order, then arrival. */
    private static List<String> sorted(SchedulingStrategy strategy, List<QueuedTask> tasks) {
        TreeSet<QueuedTask> set = new TreeSet<>(strategy.order().thenComparing(
                Comparator.comparingLong(QueuedTask::sequence)));
        set.addAll(tasks);
        List<String> ids = new ArrayList<>();
        set.forEach(t -> ids.add(t.id()));
        return ids;
    }

    private static Node node(String id, double cpuPercent, int gpus, Price price) {
        NodeSpec.Builder spec = NodeSpec.builder(id).capacity(8, 8192).gpus(gpus);
        if (price != null) {
            spec.price(price.perCoreHour(), price.perGpuHour());
        }
        return new Node(spec.build(), NodeStatus.ACTIVE, new NodeMetrics(cpuPercent, 0, 100, 0), 0, 0, 0, 0, 0,
                Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void fifoIsArrivalOrderWhateverThePriorityOrDeadline() {
        List<QueuedTask> tasks = List.of(queued("first", 10, T0, null), queued("second", 1, T0, T0.plusSeconds(5)),
                queued("third", 5, T0, null));
        assertThat(sorted(new FifoStrategy(), tasks)).containsExactly("first", "second", "third");
    }

    @Test
    void priorityOrdersByClassAndAgingLiftsAStarvedTask() {
        PriorityStrategy strategy = new PriorityStrategy(60_000);
        QueuedTask old = queued("old-low", 9, T0, null);
        QueuedTask fresh = queued("fresh-high", 1, T0.plus(Duration.ofMinutes(5)), null);
        QueuedTask freshMid = queued("fresh-mid", 5, T0.plus(Duration.ofMinutes(5)), null);
        // at the same moment, the class decides
        assertThat(sorted(strategy, List.of(queued("b", 5, T0, null), queued("a", 1, T0, null))))
                .containsExactly("a", "b");
        // 5 minutes of waiting are worth 5 classes: the priority-9 task now ranks with a fresh priority-4 one, ahead of
        // a fresh priority-5 task, still behind a fresh priority-1 task
        assertThat(sorted(strategy, List.of(freshMid, fresh, old))).containsExactly("fresh-high", "old-low",
                "fresh-mid");
        // a low-priority task is not starved: given time, it passes a stream of fresh high-priority ones
        QueuedTask later = queued("much-later-high", 1, T0.plus(Duration.ofMinutes(9)), null);
        assertThat(sorted(strategy, List.of(later, old))).containsExactly("old-low", "much-later-high");
    }

    @Test
    void slaIsEarliestDeadlineFirstWithDeadlineFreeTasksLast() {
        SlaStrategy sla = new SlaStrategy(model());
        List<QueuedTask> tasks = List.of(queued("none", 1, T0, null), queued("late", 5, T0, T0.plusSeconds(600)),
                queued("soon", 9, T0, T0.plusSeconds(60)));
        assertThat(sorted(sla, tasks)).containsExactly("soon", "late", "none");
    }

    @Test
    void slaAdmitsUntilItHasSeenTheTypeThenRefusesADeadlineThePredictionMisses() {
        CompletionModel model = model();
        SlaStrategy sla = new SlaStrategy(model);
        TaskSpec tight = TaskSpec.builder().id("t").type("render").deadline(T0.plusSeconds(30)).build();
        TaskSpec loose = TaskSpec.builder().id("l").type("render").deadline(T0.plusSeconds(600)).build();
        Candidates fleet = Candidates.of(tight, List.of(node("n1", 0, 0, null)));
        assertThat(sla.admit(tight, fleet, T0)).as("nothing of the type seen: no prediction").isNull();
        for (int i = 0; i < 20; i++) {
            model.observe("n1", "render", Duration.ofSeconds(120), true);
        }
        assertThat(sla.admit(tight, fleet, T0)).contains("cannot be met").contains("n1");
        assertThat(sla.admit(loose, Candidates.of(loose, List.of(node("n1", 0, 0, null))), T0)).isNull();
        assertThat(sla.admit(TaskSpec.builder().id("x").type("render").build(), fleet, T0)).isNull();
    }

    @Test
    void costChoosesTheCheapestFittingNodeAndChargesTheDefaultToNodesWithoutAPrice() {
        CostStrategy cost = new CostStrategy(new Price(2, 20));
        TaskSpec task = TaskSpec.builder().id("t").requirements(2, 256).build();
        List<Node> nodes = List.of(node("dear", 0, 0, new Price(5, 0)), node("undeclared", 50, 0, null),
                node("cheap", 90, 0, new Price(1, 0)));
        assertThat(cost.choose(task, Candidates.of(task, nodes)).node().id()).isEqualTo("cheap");
        // a node without a price costs the default (2/core-hour), not infinity: it beats a dearer declared one
        List<Node> noCheap = List.of(node("dear", 0, 0, new Price(5, 0)), node("undeclared", 50, 0, null));
        assertThat(cost.choose(task, Candidates.of(task, noCheap)).node().id()).isEqualTo("undeclared");
    }

    @Test
    void costMakesATaskWaitWhileEveryFittingNodeIsAboveItsPriceLimit() {
        CostStrategy cost = new CostStrategy(new Price(2, 20));
        TaskSpec task = TaskSpec.builder().id("t").requirements(2, 256).priceLimit(3.0).build();
        NodeChoice choice = cost.choose(task, Candidates.of(task, List.of(node("n", 0, 0, new Price(5, 0)))));
        assertThat(choice.node()).isNull();
        assertThat(choice.waitReason()).isEqualTo(WaitReason.OVER_PRICE_LIMIT);
        assertThat(choice.refusal()).contains("10.0000").contains("3.0000");
        assertThat(cost.choose(task, Candidates.of(task, List.of(node("n", 0, 0, new Price(1, 0))))).node().id())
                .isEqualTo("n");
    }

    @Test
    void affinityKeepsGpuNodesForGpuWork() {
        AffinityStrategy affinity = new AffinityStrategy();
        List<Node> nodes = List.of(node("gpu", 0, 1, null), node("cpu", 60, 0, null));
        TaskSpec cpuTask = TaskSpec.builder().id("c").build();
        TaskSpec gpuTask = TaskSpec.builder().id("g").preferredResource(ResourcePreference.GPU).build();
        // the GPU node is less loaded, but a CPU task goes to the CPU node
        assertThat(affinity.choose(cpuTask, Candidates.of(cpuTask, nodes)).node().id()).isEqualTo("cpu");
        assertThat(affinity.choose(gpuTask, Candidates.of(gpuTask, List.of(node("cpu", 0, 0, null),
                node("gpu", 60, 1, null)))).node().id()).isEqualTo("gpu");
        // a preference, not a requirement: with only GPU nodes a CPU task is left to routing
        assertThat(affinity.choose(cpuTask, Candidates.of(cpuTask, List.of(node("gpu", 0, 1, null))))
                .leavesItToRouting()).isTrue();
    }

    @Test
    void adaptiveLearnsTheFastReliableNode() {
        CompletionModel model = model();
        AdaptiveStrategy adaptive = new AdaptiveStrategy(model);
        List<Node> nodes = List.of(node("slow", 0, 0, null), node("fast", 0, 0, null), node("flaky", 0, 0, null));
        for (int i = 0; i < 30; i++) {
            model.observe("slow", "etl", Duration.ofSeconds(100), true);
            model.observe("fast", "etl", Duration.ofSeconds(10), true);
            model.observe("flaky", "etl", Duration.ofSeconds(5), i % 3 == 0);
        }
        TaskSpec sla = TaskSpec.builder().id("s").type("etl").deadline(T0.plusSeconds(3600)).build();
        assertThat(adaptive.choose(sla, Candidates.of(sla, nodes)).node().id()).isEqualTo("fast");
        TaskSpec plain = TaskSpec.builder().id("p").type("etl").build();
        int fast = 0;
        for (int i = 0; i < 200; i++) {
            if (adaptive.choose(plain, Candidates.of(plain, nodes)).node().id().equals("fast")) {
                fast++;
            }
        }
        assertThat(fast).as("Thompson sampling mostly exploits a clear winner").isGreaterThan(150);
    }

    private static CompletionModel model() {
        return new CompletionModel(new AdaptiveModel(0.95, 3, 1000, RandomSource.XO_SHI_RO_256_PP.create(42L)), 32);
    }
}
