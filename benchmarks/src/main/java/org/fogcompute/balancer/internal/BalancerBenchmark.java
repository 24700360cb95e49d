package org.fogcompute.balancer.internal;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.balancing.BalancingAlgorithm;
import org.fogcompute.api.balancing.LoadBalancer;
import org.fogcompute.balancer.algorithms.ConsistentHashAlgorithm;
import org.fogcompute.balancer.algorithms.LeastConnectionsAlgorithm;
import org.fogcompute.balancer.algorithms.RandomAlgorithm;
import org.fogcompute.balancer.algorithms.ResponseTimeAlgorithm;
import org.fogcompute.balancer.algorithms.RoundRobinAlgorithm;
import org.fogcompute.balancer.algorithms.WeightedRoundRobinAlgorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One balanced request: selection by the algorithm, the circuit-breaker check, the lease's bookkeeping (requests in
 * flight, latency average) and its completion, at 100 and 10,000 backends (SPEC §14: ≤ 1 µs).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BalancerBenchmark {
    @Param({"round-robin", "weighted-round-robin", "least-connections", "response-time", "consistent-hash",
        "random"})
    public String algorithm;

    @Param({"100", "10000"})
    public int backends;

    private LoadBalancerComponent balancer;
    private final String[] keys = new String[4096];
    private int next;

    static LoadBalancerComponent balancer() {
        BalancerSettings settings = (BalancerSettings) Proxy.newProxyInstance(BalancerBenchmark.class.getClassLoader(),
                new Class<?>[] {BalancerSettings.class}, (proxy, method, args) -> method.getDefaultValue());
        LoadBalancerComponent balancer = new LoadBalancerComponent(settings, null, Clock.systemUTC());
        Map<String, BalancingAlgorithm> algorithms = Map.of("round-robin", new RoundRobinAlgorithm(),
                "weighted-round-robin", new WeightedRoundRobinAlgorithm(),
                "least-connections", new LeastConnectionsAlgorithm(), "response-time", new ResponseTimeAlgorithm(),
                "consistent-hash", new ConsistentHashAlgorithm(160, 0), "random", new RandomAlgorithm());
        algorithms.forEach((name, implementation) -> balancer.bindAlgorithm(implementation,
                Map.of(BalancingAlgorithm.NAME_PROPERTY, name)));
        return balancer;
    }

    static Map<String, Double> endpoints(int count) {
        Map<String, Double> capacities = new HashMap<>();
        for (int i = 0; i < count; i++) {
            capacities.put("node-" + i, (double) (1 << (i % 5)));
        }
        return capacities;
    }

    @Setup(Level.Trial)
    public void setUp() {
        balancer = balancer();
        balancer.setEndpoints("bench", endpoints(backends));
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "session-" + i;
        }
        balancer.acquire("bench", keys[0], algorithm).orElseThrow().success(100);
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime, Mode.Throughput})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String acquireAndComplete() {
        next = (next + 1) & (keys.length - 1);
        LoadBalancer.Lease lease = balancer.acquire("bench", keys[next], algorithm).orElseThrow();
        lease.success(100 + (next & 63));
        return lease.nodeId();
    }
}
