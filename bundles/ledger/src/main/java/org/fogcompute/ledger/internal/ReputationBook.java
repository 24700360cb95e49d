package org.fogcompute.ledger.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fogcompute.api.Checks;
import org.fogcompute.api.ledger.LedgerStore;
import org.fogcompute.api.ledger.NodeReputation;
import org.fogcompute.api.ledger.Reputation;
import org.fogcompute.api.ledger.ReputationEvent;

/**
 * Reputation points per node, kept in the ledger's store: each outcome is recorded once by its key, under the node's
 * row lock, so concurrent outcomes add up exactly. Between outcomes the points decay toward the start, half the
 * distance per half-life, so a node that failed long ago is not punished for ever (nor trusted for ever).
 */
public class ReputationBook implements Reputation {
    private final LedgerStore store;
    private final Clock clock;
    private volatile Duration halfLife;

    public ReputationBook(LedgerStore store, Clock clock, Duration halfLife) {
        this.store = store;
        this.clock = clock;
        this.halfLife = halfLife;
    }

    void halfLife(Duration halfLife) {
        this.halfLife = halfLife;
    }

    @Override
    public NodeReputation of(String nodeId) {
        Checks.id("nodeId", nodeId);
        Instant now = clock.instant();
        return store.reputation(nodeId).map(r -> decayed(r, now, halfLife))
                .orElseGet(() -> NodeReputation.fresh(nodeId, now));
    }

    @Override
    public NodeReputation record(String key, String nodeId, ReputationEvent event) {
        Checks.id("nodeId", nodeId);
        Instant now = clock.instant();
        Duration decay = halfLife;
        return store.changeReputation(key, nodeId, NodeReputation.fresh(nodeId, now),
                current -> apply(decayed(current, now, decay), event, now));
    }

    @Override
    public List<NodeReputation> all(int offset, int limit) {
        Instant now = clock.instant();
        return store.reputations(offset, limit).stream().map(r -> decayed(r, now, halfLife)).toList();
    }

    /** The points moved toward the start for the time since the last outcome. */
    static NodeReputation decayed(NodeReputation reputation, Instant now, Duration halfLife) {
        long idleMillis = Duration.between(reputation.updatedAt(), now).toMillis();
        if (idleMillis <= 0 || halfLife.isZero()) {
            return reputation;
        }
        double kept = Math.pow(0.5, (double) idleMillis / halfLife.toMillis());
        double points = NodeReputation.START + (reputation.points() - NodeReputation.START) * kept;
        return new NodeReputation(reputation.nodeId(), points, reputation.successes(), reputation.failures(),
                reputation.lost(), now);
    }

    /** One outcome's points, kept within 0..MAX, and its count. */
    static NodeReputation apply(NodeReputation reputation, ReputationEvent event, Instant now) {
        double points = Math.max(0, Math.min(NodeReputation.MAX, reputation.points() + event.points()));
        return new NodeReputation(reputation.nodeId(), points,
                reputation.successes() + (event == ReputationEvent.SUCCESS ? 1 : 0),
                reputation.failures() + (event == ReputationEvent.FAILURE ? 1 : 0),
                reputation.lost() + (event == ReputationEvent.LOST_DURING_TASK ? 1 : 0), now);
    }
}
