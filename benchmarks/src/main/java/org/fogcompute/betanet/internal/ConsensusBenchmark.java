package org.fogcompute.betanet.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.betanet.Consensus;
import org.fogcompute.api.betanet.Mixnode;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.p2p.Peer;
import org.fogcompute.api.p2p.PeerEndpoint;
import org.fogcompute.api.p2p.PeerRecord;
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
 * A consensus over 10,000 MIXNODE nodes in 20 regions (a twentieth down, a twentieth without stake): candidates,
 * weights, the document's signed form and its Ed25519 signature, as one epoch's publication computes them (without
 * the database write); and mixnet routes of three hops drawn from it (over the index built once per consensus).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ConsensusBenchmark {
    @Param({"10000"})
    int mixnodes;

    private final List<Node> fleet = new ArrayList<>();
    private final Map<String, Optional<Peer>> peers = new HashMap<>();
    private final Map<String, Long> balances = new HashMap<>();
    private final DirectoryKey key = DirectoryKey.generate();
    private RouteSelection routes;
    private final SplittableRandom random = new SplittableRandom(7);

    @Setup
    public void setUp() {
        SplittableRandom setup = new SplittableRandom(11);
        Instant now = Instant.now();
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);
        for (int i = 0; i < mixnodes; i++) {
            String id = "mix-" + i;
            NodeStatus status = setup.nextInt(20) == 0 ? NodeStatus.SUSPECT : NodeStatus.ACTIVE;
            NodeSpec spec = new NodeSpec(id, NodeType.MIXNODE, NodeStatus.ACTIVE, new Capacity(1, 512, 100, 0),
                    "region-" + setup.nextInt(20), null, "10.0.0.1", 1789, Map.of("operator", "op-" + i,
                    "mixnode.version", "1.4.2"), false, setup.nextDouble());
            fleet.add(new Node(spec, status, new NodeMetrics(10, 10, 80 + setup.nextDouble() * 20, 0), 0, 0, 0, 0, 0,
                    now, now));
            byte[] key = new byte[32];
            setup.nextBytes(key);
            peers.put(id, Optional.of(new Peer(new PeerRecord(id, Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(key), List.of(new PeerEndpoint("tcp", "mix-" + i + ".example", 1789)), 1, now,
                    unsigned), spec.region(), null, true, now, null)));
            balances.put("op-" + i, setup.nextInt(20) == 0 ? 0 : (100 + setup.nextInt(100_000)) * Credits.MICROS);
        }
        routes = RouteSelection.of(publish());
    }

    @Benchmark
    public Consensus publish() {
        List<Mixnode> listed = ConsensusBuilder.listed(ConsensusBuilder.candidates(fleet,
                id -> peers.getOrDefault(id, Optional.empty()), account -> balances.getOrDefault(account, 0L), 100));
        Instant now = Instant.now();
        Consensus unsigned = new Consensus(1, now, now.plusSeconds(600), listed, key.publicKey(), "");
        return unsigned.withSignature(key.sign(unsigned.signedBytes()));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Mixnode> route() {
        return routes.route(3, random);
    }
}
