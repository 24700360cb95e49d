package org.fogcompute.api.privacy;

import java.time.Instant;
import java.util.List;
import org.fogcompute.api.PrivacyLevel;

/**
 * A planned onion circuit: its hops in order (guard, middles, exit), for whom (and for which task, when the
 * coordinator planned it to reach a task's node; null otherwise), at which privacy level and reputation floor, and
 * until when it may be used. {@code generation} counts the rebuilds of the circuit under the same id (a hop failed,
 * or it was rotated before expiry); its users are told of each by an event.
 */
public record Circuit(String id, String client, String taskId, PrivacyLevel level, double minReputation,
                      List<CircuitHop> hops, Instant createdAt, Instant expiresAt, int generation) {
    public Circuit {
        hops = List.copyOf(hops);
    }

    /** Whether the node is one of the circuit's hops. */
    public boolean uses(String nodeId) {
        for (CircuitHop hop : hops) {
            if (hop.nodeId().equals(nodeId)) {
                return true;
            }
        }
        return false;
    }
}
