package org.fogcompute.api.betanet;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the mixnode directory keeps its last consensus (so that epochs keep counting up and nodes get the same signed
 * document across a restart); provided by the persistence service.
 */
@ProviderType
public interface ConsensusStore {

    /** Stores a published consensus; older epochs than the one before it are forgotten. */
    void saveConsensus(Consensus consensus);

    /** The consensus with the highest epoch. */
    Optional<Consensus> latestConsensus();
}
