package org.fogcompute.api.betanet;

import java.util.List;
import java.util.Optional;
import org.fogcompute.api.privacy.NoPrivacyPathException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The mixnode directory (L5). Every epoch it publishes a consensus of the fleet's eligible MIXNODE nodes (online, a
 * signed peer record, at least the minimum stake); mixnet routes are drawn from the consensus in force.
 */
@ProviderType
public interface MixnodeDirectory {

    /** Topic of the event posted when a consensus was published (properties {@code epoch}, {@code mixnodes}). */
    String CONSENSUS_PUBLISHED_TOPIC = "fog/betanet/CONSENSUS_PUBLISHED";

    /** The consensus in force, or the last one published when it has expired; empty before the first. */
    Optional<Consensus> consensus();

    /** The public key that signs consensus documents: 32 raw bytes, base64url without padding. */
    String signingKey();

    /** A MIXNODE node that a consensus would list, or why it is left out. */
    record Candidate(String nodeId, String region, Mixnode mixnode, String excludedBecause) {
    }

    /** Every MIXNODE node of the fleet now, listed or with the reason it is left out. */
    List<Candidate> candidates();

    /** Publishes the next epoch's consensus now (the schedule goes on from it). */
    Consensus publish();

    /**
     * A mixnet route through {@code hops} distinct mixnodes of the consensus in force, drawn by weight, no two in one
     * region.
     *
     * @throws NoPrivacyPathException when the consensus cannot provide one (none in force, too few regions), saying
     *                                which
     */
    List<Mixnode> route(int hops);
}
