package org.fogcompute.balancer.algorithms;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToDoubleFunction;
import org.fogcompute.api.balancing.Endpoint;
import org.fogcompute.api.balancing.EndpointPool;

/** The power of two choices: two distinct endpoints at random, the cheaper one by {@code cost}, ties at random. */
final class TwoChoices {
    private TwoChoices() {
    }

    static int select(EndpointPool pool, ToDoubleFunction<Endpoint> cost) {
        int size = pool.size();
        if (size == 1) {
            return 0;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int a = random.nextInt(size);
        int b = random.nextInt(size - 1);
        if (b >= a) {
            b++;
        }
        double costA = cost.applyAsDouble(pool.get(a));
        double costB = cost.applyAsDouble(pool.get(b));
        if (costA == costB) {
            return random.nextBoolean() ? a : b;
        }
        return costA < costB ? a : b;
    }
}
