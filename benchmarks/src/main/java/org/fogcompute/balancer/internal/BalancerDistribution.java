package org.fogcompute.balancer.internal;

import java.util.HashMap;
import java.util.Map;
import org.fogcompute.api.balancing.LoadBalancer;

/**
 * Distribution of 1,000,000 requests over equal backends for each algorithm: coefficient of variation of the
 * per-backend counts (SPEC §14: ≤ 5 % for round-robin and least-connections). Requests complete in arrival order
 * with 64 in flight, so least-connections sees real load.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.fogcompute.balancer.internal.BalancerDistribution}
 */
public final class BalancerDistribution {
    private BalancerDistribution() {
    }

    public static void main(String[] args) {
        for (int backends : new int[] {10, 100}) {
            for (String algorithm : new String[] {"round-robin", "weighted-round-robin", "least-connections",
                "response-time", "consistent-hash", "random"}) {
                LoadBalancerComponent balancer = BalancerBenchmark.balancer();
                Map<String, Double> equal = new HashMap<>();
                for (int i = 0; i < backends; i++) {
                    equal.put("node-" + i, 1.0);
                }
                balancer.setEndpoints("equal", equal);
                Map<String, Integer> counts = new HashMap<>();
                java.util.ArrayDeque<LoadBalancer.Lease> inFlight = new java.util.ArrayDeque<>();
                for (int i = 0; i < 1_000_000; i++) {
                    LoadBalancer.Lease lease = balancer.acquire("equal", "key-" + i, algorithm).orElseThrow();
                    counts.merge(lease.nodeId(), 1, Integer::sum);
                    inFlight.add(lease);
                    if (inFlight.size() > 64) {
                        inFlight.poll().success(100);
                    }
                }
                double mean = 1_000_000.0 / backends;
                double variance = 0;
                for (int i = 0; i < backends; i++) {
                    double c = counts.getOrDefault("node-" + i, 0);
                    variance += (c - mean) * (c - mean);
                }
                System.out.printf("%-22s %4d backends: CV %.2f %%%n", algorithm, backends,
                        100 * Math.sqrt(variance / backends) / mean);
            }
        }
    }
}
