package org.fogcompute.betanet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeMetrics;
import org.fogcompute.api.NodeSpec;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.betanet.Consensus;
import org.fogcompute.api.betanet.Mixnode;
import org.fogcompute.api.betanet.MixnodeDirectory.Candidate;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.p2p.Peer;
import org.fogcompute.api.p2p.PeerEndpoint;
import org.fogcompute.api.p2p.PeerRecord;
import org.fogcompute.api.privacy.NoPrivacyPathException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsensusTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String KEY = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

    @Test
    void weightsFollowTheFormulaWithItsFloor() {
        assertThat(Weights.of(1, 1, (long) Math.exp(20) + 1)).isEqualTo(1.0);
        assertThat(Weights.of(0.8, 0.9, 100)).isEqualTo(Weights.round(0.4 + 0.27 + 0.2 * Math.log(100) / 20));
        assertThat(Weights.of(0, 0, 0)).isEqualTo(0.01);
        assertThat(Weights.of(0.01, 0, 1)).as("0.005 is below the floor").isEqualTo(0.01);
    }

    private static Node mixnode(String id, String region, NodeStatus status, String operator, double uptime) {
        NodeSpec spec = new NodeSpec(id, NodeType.MIXNODE, NodeStatus.ACTIVE, new Capacity(1, 512, 100, 0), region, null,
                "10.0.0.1", 1789, Map.of("operator", operator, "mixnode.version", "1.4.2"), false, 0.8);
        return new Node(spec, status, new NodeMetrics(0, 0, uptime, 0), 0, 0, 0, 0, 0, NOW, NOW);
    }

    private static Optional<Peer> peer(String id, boolean online) {
        PeerRecord record = new PeerRecord(id, KEY, List.of(new PeerEndpoint("tcp", id + ".mix", 1789)), 1, NOW,
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]));
        return Optional.of(new Peer(record, "r", null, online, NOW, null));
    }

    @Test
    void onlyUpOnlineStakedMixnodesWithARecordAreListedAndTheOthersSayWhy() {
        List<Node> fleet = List.of(mixnode("m-ok", "eu", NodeStatus.ACTIVE, "rich", 90),
                mixnode("m-down", "eu", NodeStatus.MAINTENANCE, "rich", 90),
                mixnode("m-norecord", "eu", NodeStatus.ACTIVE, "rich", 90),
                mixnode("m-offline", "eu", NodeStatus.ACTIVE, "rich", 90),
                mixnode("m-poor", "us", NodeStatus.BUSY, "poor", 90));
        Map<String, Optional<Peer>> peers = new HashMap<>();
        peers.put("m-ok", peer("m-ok", true));
        peers.put("m-down", peer("m-down", true));
        peers.put("m-offline", peer("m-offline", false));
        peers.put("m-poor", peer("m-poor", true));
        Map<String, Long> balances = Map.of("rich", 5_000 * Credits.MICROS, "poor", 99 * Credits.MICROS);

        List<Candidate> candidates = ConsensusBuilder.candidates(fleet, id -> peers.getOrDefault(id,
                Optional.empty()), account -> balances.getOrDefault(account, 0L), 100);

        Map<String, String> reasons = new HashMap<>();
        candidates.forEach(c -> reasons.put(c.nodeId(), c.excludedBecause()));
        assertThat(reasons.get("m-ok")).isNull();
        assertThat(reasons.get("m-down")).contains("MAINTENANCE");
        assertThat(reasons.get("m-norecord")).contains("no signed peer record");
        assertThat(reasons.get("m-offline")).contains("offline");
        assertThat(reasons.get("m-poor")).contains("stake 99 below the minimum 100");
        Mixnode listed = ConsensusBuilder.listed(candidates).get(0);
        assertThat(listed).isEqualTo(new Mixnode("m-ok", "tcp://m-ok.mix:1789", KEY, "1.4.2", "eu", 5_000, 0.8, 0.9,
                Weights.of(0.8, 0.9, 5_000)));
    }

    @Test
    void aSignedConsensusVerifiesWithThePublishedKeyAndNotOnceAltered(@TempDir Path data) throws Exception {
        Path file = data.resolve("fog/consensus-signing.key");
        DirectoryKey key = DirectoryKey.loadOrCreate(file);
        Consensus unsigned = new Consensus(7, NOW, NOW.plusSeconds(600), List.of(new Mixnode("m1", "tcp://a:1", KEY,
                "1", "eu", 200, 0.5, 1, 0.6)), key.publicKey(), "");
        Consensus signed = unsigned.withSignature(key.sign(unsigned.signedBytes()));

        assertThat(verifies(signed, signed.signingKey())).isTrue();
        Consensus altered = new Consensus(7, NOW, NOW.plusSeconds(600), List.of(new Mixnode("m1", "tcp://evil:1", KEY,
                "1", "eu", 200, 0.5, 1, 0.6)), key.publicKey(), signed.signature());
        assertThat(verifies(altered, signed.signingKey())).isFalse();
        assertThat(DirectoryKey.loadOrCreate(file).publicKey()).as("the same key after a restart")
                .isEqualTo(key.publicKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    /** As a node verifies: the raw published key, the documented signed bytes, the JDK's Ed25519. */
    private static boolean verifies(Consensus consensus, String rawKey) throws Exception {
        byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        byte[] raw = Base64.getUrlDecoder().decode(rawKey);
        byte[] encoded = new byte[44];
        System.arraycopy(prefix, 0, encoded, 0, 12);
        System.arraycopy(raw, 0, encoded, 12, 32);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded)));
        verifier.update(consensus.signedBytes());
        return verifier.verify(Base64.getUrlDecoder().decode(consensus.signature()));
    }

    private static Mixnode listed(String id, String region, double weight) {
        return new Mixnode(id, "tcp://" + id + ":1", KEY, "1", region, 100, 0.5, 0.5, weight);
    }

    @Test
    void routesHaveDistinctMixnodesInDistinctRegionsDrawnByWeight() {
        List<Mixnode> mixnodes = new ArrayList<>(List.of(listed("heavy", "eu", 0.9), listed("light", "eu", 0.1),
                listed("us-1", "us", 0.5), listed("ap-1", "ap", 0.5)));
        Consensus consensus = new Consensus(1, NOW, NOW.plusSeconds(600), mixnodes, KEY, "s");
        SplittableRandom random = new SplittableRandom(42);
        int heavy = 0;
        int light = 0;
        for (int i = 0; i < 20_000; i++) {
            List<Mixnode> route = RouteSelection.route(consensus, 3, random);
            assertThat(route).extracting(Mixnode::region).doesNotHaveDuplicates();
            heavy += route.stream().filter(m -> m.nodeId().equals("heavy")).count();
            light += route.stream().filter(m -> m.nodeId().equals("light")).count();
        }
        assertThat(heavy + light).as("every 3-hop route passes through eu once").isEqualTo(20_000);
        assertThat((double) heavy / (heavy + light)).isCloseTo(0.9, org.assertj.core.data.Offset.offset(0.02));

        assertThatThrownBy(() -> RouteSelection.route(consensus, 4, random))
                .isInstanceOf(NoPrivacyPathException.class).hasMessageContaining("3 region(s); 4 hops need 4");
    }
}
