package org.fogcompute.onion.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.privacy.Circuit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Circuit plans over 10,000 nodes, half of them onion-capable (a fifth of those exits), in 20 regions run by 400
 * operators, reputations 0..1 and uptimes 80..100 %: one plan (guard, middles, exit) stored and closed again, with the
 * live check a set lookup. Budget (issue 17): at least 50,000 plans per second.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CircuitPlanBenchmark {
    @Param({"PRIVATE", "CONFIDENTIAL"})
    PrivacyLevel level;

    @Param({"0.0", "0.5"})
    double minReputation;

    private CircuitBook book;
    private String[] clients;
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(17);
        List<Node> fleet = new ArrayList<>();
        Set<String> live = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            Map<String, String> labels = new HashMap<>();
            labels.put("operator", "op" + random.nextInt(400));
            labels.put("bandwidth.mbps", Integer.toString(1 + random.nextInt(1000)));
            if (random.nextInt(5) == 0) {
                labels.put("onion.exit", "true");
            }
            NodeSpec spec = new NodeSpec("n" + i, NodeType.RELAY_NODE, NodeStatus.ACTIVE, new Capacity(4, 4096, 1000, 0),
                    "r" + random.nextInt(20), null, null, 0, labels, i % 2 == 0, random.nextDouble());
            fleet.add(new Node(spec, NodeStatus.ACTIVE, new NodeMetrics(10, 10, 80 + random.nextDouble() * 20, 0), 0,
                    0, 0, 0, 0, Instant.EPOCH, Instant.EPOCH));
            live.add(spec.id());
        }
        book = new CircuitBook(Clock.systemUTC(), new CircuitBook.Rules(3, 5, 7, Duration.ofMinutes(30),
                new Relays.GuardRule(95, 0.6), 3, 0.0, 1_000_000), () -> fleet, live::contains,
                new CircuitBook.Listener() {
                    @Override
                    public void rebuilt(Circuit before, Circuit after, String reason) {
                    }

                    @Override
                    public void closed(Circuit circuit, String reason) {
                    }
                });
        book.refresh();
        clients = new String[1024];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = "client-" + i;
        }
    }

    @Benchmark
    public Circuit plan() {
        Circuit circuit = book.plan(clients[next++ & (clients.length - 1)], level, minReputation);
        book.close(circuit.id());
        return circuit;
    }
}
