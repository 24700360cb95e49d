package org.fogcompute.balancer.algorithms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fogcompute.api.balancing.BalancingAlgorithm;
import org.fogcompute.api.balancing.EndpointPool;
import org.osgi.service.component.annotations.Component;

/**
 * Weighted round-robin by stride scheduling: every endpoint advances by 1 / weight (capacity × health) each time
 * it is picked, and the one furthest behind goes next. Shares follow the weights exactly over a cycle and picks
 * interleave; a heap keeps each pick O(log n), so 10,000 endpoints cost what 100 do. State per pool, restarted
 * when the pool changes.
 */
@Component(property = BalancingAlgorithm.NAME_PROPERTY + "=weighted-round-robin")
public final class WeightedRoundRobinAlgorithm implements BalancingAlgorithm {
    private final Map<String, Schedule> schedules = new ConcurrentHashMap<>();

    /** A min-heap of endpoint indices by pass value. */
    private static final class Schedule {
        final long version;
        final double[] pass;
        final double[] stride;
        final int[] heap;

        Schedule(EndpointPool pool) {
            int size = pool.size();
            this.version = pool.version();
            this.pass = new double[size];
            this.stride = new double[size];
            this.heap = new int[size];
            for (int i = 0; i < size; i++) {
                stride[i] = 1 / pool.get(i).weight();
                pass[i] = stride[i] / 2;
                heap[i] = i;
            }
            for (int i = size / 2 - 1; i >= 0; i--) {
                siftDown(i);
            }
        }

        synchronized int next() {
            int chosen = heap[0];
            pass[chosen] += stride[chosen];
            siftDown(0);
            return chosen;
        }

        private boolean before(int a, int b) {
            return pass[a] < pass[b] || (pass[a] == pass[b] && a < b);
        }

        private void siftDown(int position) {
            int size = heap.length;
            int at = position;
            while (true) {
                int left = 2 * at + 1;
                if (left >= size) {
                    return;
                }
                int smallest = left;
                int right = left + 1;
                if (right < size && before(heap[right], heap[left])) {
                    smallest = right;
                }
                if (!before(heap[smallest], heap[at])) {
                    return;
                }
                int swap = heap[at];
                heap[at] = heap[smallest];
                heap[smallest] = swap;
                at = smallest;
            }
        }
    }

    @Override
    public int select(EndpointPool pool, String key) {
        Schedule schedule = schedules.get(pool.name());
        if (schedule == null || schedule.version != pool.version() || schedule.heap.length != pool.size()) {
            schedule = new Schedule(pool);
            schedules.put(pool.name(), schedule);
        }
        return schedule.next();
    }
}
