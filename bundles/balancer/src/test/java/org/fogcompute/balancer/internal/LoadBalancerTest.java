package org.fogcompute.balancer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.balancing.BalancingAlgorithm;
import org.fogcompute.api.balancing.LoadBalancer.Lease;
import org.fogcompute.balancer.algorithms.RoundRobinAlgorithm;
import org.junit.jupiter.api.Test;

/** Leases, breakers fed by outcomes, and an open circuit taking its node out of the pool until it recovers. */
class LoadBalancerTest {
    private final MutableClock clock = new MutableClock();
    private final LoadBalancerComponent balancer = new LoadBalancerComponent(settings(), null, clock);

    LoadBalancerTest() {
        balancer.bindAlgorithm(new RoundRobinAlgorithm(), Map.of(BalancingAlgorithm.NAME_PROPERTY, "round-robin"));
        balancer.setEndpoints("web", Map.of("a", 1.0, "b", 1.0, "c", 1.0));
    }

    private Map<String, Integer> spread(int requests) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            Lease lease = balancer.acquire("web", null, null).orElseThrow();
            counts.merge(lease.nodeId(), 1, Integer::sum);
            lease.success(100);
        }
        return counts;
    }

    @Test
    void anOpenCircuitRemovesItsNodeUntilTrialsSucceed() {
        for (int i = 0; i < 5; i++) {
            balancer.recordFailure("b");
        }
        assertThat(spread(300)).containsOnlyKeys("a", "c");
        clock.advance(Duration.ofSeconds(60));
        Map<String, Integer> recovering = spread(300);
        assertThat(recovering).containsKeys("a", "b", "c");
        assertThat(balancer.state("b").orElseThrow().state().name()).isEqualTo("CLOSED");
    }

    @Test
    void failedRequestsOpenTheCircuit() {
        int failuresOnB = 0;
        while (failuresOnB < 5) {
            Lease lease = balancer.acquire("web", null, null).orElseThrow();
            if (lease.nodeId().equals("b")) {
                lease.failure(5_000);
                failuresOnB++;
            } else {
                lease.success(100);
            }
        }
        assertThat(balancer.admits("b")).isFalse();
        assertThat(spread(30)).doesNotContainKey("b");
    }

    @Test
    void everyCircuitOpenMeansNoEndpoint() {
        for (String node : new String[] {"a", "b", "c"}) {
            for (int i = 0; i < 5; i++) {
                balancer.recordFailure(node);
            }
        }
        assertThat(balancer.acquire("web", null, null)).isEmpty();
        assertThat(balancer.acquire("no-such-pool", null, null)).isEmpty();
    }

    @Test
    void unknownAlgorithmsAndBadCapacitiesAreRefused() {
        assertThatThrownBy(() -> balancer.acquire("web", null, "magic")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> balancer.setDefaultAlgorithm("magic")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> balancer.setEndpoints("web", Map.of("a", -1.0)))
                .isInstanceOf(ValidationException.class);
        assertThat(balancer.algorithms()).containsExactly("round-robin");
    }

    static BalancerSettings settings() {
        return (BalancerSettings) Proxy.newProxyInstance(LoadBalancerTest.class.getClassLoader(),
                new Class<?>[] {BalancerSettings.class}, (proxy, method, args) -> method.getDefaultValue());
    }
}
