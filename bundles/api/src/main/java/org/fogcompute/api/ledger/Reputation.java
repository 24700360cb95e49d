package org.fogcompute.api.ledger;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reputation per node from its outcomes (L0): start 100 of 200 points, +10 per success, −15 per failure, −25 when it
 * went silent holding a task; between outcomes the points decay toward the start (half the distance per half-life),
 * so old behaviour is forgotten. Each outcome is recorded once by its key.
 */
@ProviderType
public interface Reputation {
    /** The node's reputation now (decayed to this moment); a node without history has the starting points. */
    NodeReputation of(String nodeId);

    /** Records an outcome once: a key seen before changes nothing and returns the reputation as it is. */
    NodeReputation record(String key, String nodeId, ReputationEvent event);

    /** Nodes with history, by id. */
    List<NodeReputation> all(int offset, int limit);
}
