package org.fogcompute.betanet.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.NodeType;
import org.fogcompute.api.betanet.MixnodeDirectory.Candidate;
import org.fogcompute.api.betanet.Mixnode;
import org.fogcompute.api.ledger.Credits;
import org.fogcompute.api.p2p.Peer;
import org.fogcompute.api.p2p.PeerEndpoint;

/**
 * Which of the fleet's MIXNODE nodes a consensus lists, and with which weight; without OSGi. A mixnode is listed when
 * it is up (ACTIVE, IDLE or BUSY, not draining), online in the peer directory with a signed record (its key and
 * first endpoint are what nodes reach it by) and staked at least the minimum (its operator's ledger balance).
 */
final class ConsensusBuilder {
    /** The node label naming the mixnet software version a mixnode runs. */
    static final String VERSION_LABEL = "mixnode.version";

    private ConsensusBuilder() {
    }

    /**
     * @param peers        a node's record in the peer directory
     * @param stakeMicros  an account's balance in micro-credits (0 when it has none)
     * @param minStake     least stake of a listed mixnode, in credits
     */
    static List<Candidate> candidates(Collection<Node> fleet, Function<String, Optional<Peer>> peers,
                                      ToLongFunction<String> stakeMicros, long minStake) {
        List<Candidate> candidates = new ArrayList<>();
        for (Node node : fleet) {
            if (node.type() == NodeType.MIXNODE) {
                candidates.add(candidate(node, peers, stakeMicros, minStake));
            }
        }
        candidates.sort(Comparator.comparing(Candidate::nodeId));
        return candidates;
    }

    private static Candidate candidate(Node node, Function<String, Optional<Peer>> peers,
                                       ToLongFunction<String> stakeMicros, long minStake) {
        boolean up = node.status() == NodeStatus.ACTIVE || node.status() == NodeStatus.IDLE
                || node.status() == NodeStatus.BUSY;
        if (!up || node.allocation().drain()) {
            return excluded(node, "not up: " + (up ? "draining" : node.status().name()));
        }
        Optional<Peer> peer = peers.apply(node.id());
        if (peer.isEmpty()) {
            return excluded(node, "no signed peer record (publish one: PUT /api/p2p/peers/" + node.id() + ")");
        }
        if (!peer.get().online()) {
            return excluded(node, "offline in the peer directory (no heartbeat within its liveness window)");
        }
        long stake = Math.max(0, stakeMicros.applyAsLong(node.spec().operatorAccount())) / Credits.MICROS;
        if (stake < minStake) {
            return excluded(node, "stake " + stake + " below the minimum " + minStake + " (account "
                    + node.spec().operatorAccount() + ")");
        }
        PeerEndpoint endpoint = peer.get().record().endpoints().get(0);
        double reputation = Weights.round(node.spec().reputation());
        double performance = Weights.round(node.metrics().uptimePercent() / 100);
        String version = node.spec().labels().getOrDefault(VERSION_LABEL, "unspecified");
        Mixnode mixnode = new Mixnode(node.id(), endpoint.transport() + "://" + endpoint.host() + ":"
                + endpoint.port(), peer.get().record().publicKey(), version.replace(' ', '_'), node.region(), stake,
                reputation, performance, Weights.of(reputation, performance, stake));
        return new Candidate(node.id(), node.region(), mixnode, null);
    }

    private static Candidate excluded(Node node, String reason) {
        return new Candidate(node.id(), node.region(), null, reason);
    }

    /** The listed mixnodes of the candidates, in node id order. */
    static List<Mixnode> listed(List<Candidate> candidates) {
        return candidates.stream().filter(c -> c.mixnode() != null).map(Candidate::mixnode).toList();
    }
}
