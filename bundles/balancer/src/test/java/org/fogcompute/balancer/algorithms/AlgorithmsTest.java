package org.fogcompute.balancer.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.fogcompute.api.balancing.BalancingAlgorithm;
import org.junit.jupiter.api.Test;

/** Each algorithm's defining property. */
class AlgorithmsTest {

    private static int[] counts(BalancingAlgorithm algorithm, TestPool pool, int picks) {
        int[] counts = new int[pool.size()];
        for (int i = 0; i < picks; i++) {
            counts[algorithm.select(pool, null)]++;
        }
        return counts;
    }

    /** Coefficient of variation of the counts. */
    private static double cv(int[] counts) {
        double mean = 0;
        for (int c : counts) {
            mean += c;
        }
        mean /= counts.length;
        double variance = 0;
        for (int c : counts) {
            variance += (c - mean) * (c - mean);
        }
        return Math.sqrt(variance / counts.length) / mean;
    }

    @Test
    void roundRobinGivesEachOfTenNodesAHundredOfAThousand() {
        for (int count : counts(new RoundRobinAlgorithm(), TestPool.of(10), 1_000)) {
            assertThat(count).isBetween(99, 101);
        }
    }

    @Test
    void leastConnectionsSpreadsEvenlyUnderEqualLoad() {
        TestPool pool = TestPool.of(10);
        LeastConnectionsAlgorithm p2c = new LeastConnectionsAlgorithm();
        int[] counts = new int[10];
        ArrayDeque<Integer> inFlight = new ArrayDeque<>();
        for (int i = 0; i < 100_000; i++) {
            int chosen = p2c.select(pool, null);
            counts[chosen]++;
            pool.get(chosen).active++;
            inFlight.add(chosen);
            if (inFlight.size() > 50) {
                pool.get(inFlight.poll()).active--;
            }
        }
        assertThat(cv(counts)).isLessThanOrEqualTo(0.05);
    }

    @Test
    void leastConnectionsAvoidsTheBusyNode() {
        TestPool pool = TestPool.of(2);
        pool.get(0).active = 10;
        int[] counts = counts(new LeastConnectionsAlgorithm(), pool, 1_000);
        assertThat(counts[1]).isEqualTo(1_000);
    }

    @Test
    void weightedRoundRobinFollowsWeightsOneToThree() {
        TestPool pool = TestPool.of(2);
        pool.get(0).weight = 1;
        pool.get(1).weight = 3;
        int[] counts = counts(new WeightedRoundRobinAlgorithm(), pool, 4_000);
        assertThat(counts[0]).isEqualTo(1_000);
        assertThat(counts[1]).isEqualTo(3_000);
    }

    @Test
    void weightedRoundRobinInterleaves() {
        TestPool pool = TestPool.of(2);
        pool.get(1).weight = 3;
        WeightedRoundRobinAlgorithm wrr = new WeightedRoundRobinAlgorithm();
        StringBuilder sequence = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sequence.append(wrr.select(pool, null));
        }
        assertThat(sequence.toString()).doesNotContain("111111").contains("0");
    }

    @Test
    void responseTimePrefersTheFasterNode() {
        TestPool pool = TestPool.of(2);
        pool.get(0).latency = 100;
        pool.get(1).latency = 1_000;
        int[] counts = counts(new ResponseTimeAlgorithm(), pool, 1_000);
        assertThat(counts[0]).isEqualTo(1_000);
    }

    @Test
    void randomIsUniform() {
        assertThat(cv(counts(new RandomAlgorithm(), TestPool.of(10), 100_000))).isLessThan(0.05);
    }

    @Test
    void consistentHashingKeepsKeysAndMovesAboutOneNth() {
        ConsistentHashAlgorithm ring = new ConsistentHashAlgorithm(160, 0);
        TestPool pool = TestPool.of(10);
        Map<String, String> before = new HashMap<>();
        for (int k = 0; k < 10_000; k++) {
            String key = "session-" + k;
            before.put(key, pool.get(ring.select(pool, key)).id());
            assertThat(pool.get(ring.select(pool, key)).id()).isEqualTo(before.get(key));
        }
        // remove node-3: only its keys move
        pool.nodes.remove(3);
        pool.version++;
        int moved = 0;
        for (Map.Entry<String, String> entry : before.entrySet()) {
            String now = pool.get(ring.select(pool, entry.getKey())).id();
            if (!now.equals(entry.getValue())) {
                moved++;
                assertThat(entry.getValue()).isEqualTo("node-3");
            }
        }
        assertThat(moved).isBetween(700, 1_300);
        // add a new node: about 1/11 of the keys move to it, and only to it
        pool.nodes.add(new TestPool.Node("node-10"));
        pool.version++;
        int movedToNew = 0;
        TestPool withoutNew = TestPool.of(0);
        withoutNew.nodes.addAll(pool.nodes.subList(0, 9));
        withoutNew.version = 99;
        for (String key : before.keySet()) {
            String was = withoutNew.get(ring.select(withoutNew, key)).id();
            String now = pool.get(ring.select(pool, key)).id();
            if (!now.equals(was)) {
                movedToNew++;
                assertThat(now).isEqualTo("node-10");
            }
        }
        assertThat(movedToNew).isBetween(600, 1_300);
    }

    @Test
    void boundedLoadPassesKeysOnFromAnOverloadedNode() {
        ConsistentHashAlgorithm ring = new ConsistentHashAlgorithm(160, 1.25);
        TestPool pool = TestPool.of(4);
        int owner = ring.select(pool, "hot");
        for (int i = 0; i < 100; i++) {
            int chosen = ring.select(pool, "hot");
            pool.get(chosen).active++;
        }
        long limit = (long) Math.ceil(1.25 * (pool.activeRequests() + 1) / pool.size());
        for (TestPool.Node node : pool.nodes) {
            assertThat((long) node.active).isLessThanOrEqualTo(limit);
        }
        assertThat(pool.get(owner).active).isPositive();
    }
}
