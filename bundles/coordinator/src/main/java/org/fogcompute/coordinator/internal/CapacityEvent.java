package org.fogcompute.coordinator.internal;

import java.util.EnumSet;
import java.util.Set;
import org.fogcompute.api.scheduling.WaitReason;

/** What changed in the fleet that may let a waiting task be placed now, and which wait reasons it can cure. */
enum CapacityEvent {
    /** A node registered. */
    NODE_JOINED(EnumSet.allOf(WaitReason.class)),
    /** A node came back: from SUSPECT or OFFLINE, or out of MAINTENANCE. */
    NODE_RETURNED(EnumSet.allOf(WaitReason.class)),
    /** A reservation ended: a task finished, failed, was cancelled or moved away. No GPU or onion node appears. */
    CAPACITY_FREED(EnumSet.of(WaitReason.NO_NODE_ACCEPTING_WORK, WaitReason.NO_CAPACITY,
            WaitReason.OVER_PRICE_LIMIT, WaitReason.DEADLINE_INFEASIBLE,
            // another node may take the task now, leaving the one it needed as a hop free for its circuit
            WaitReason.NO_PRIVACY_PATH)),
    /** A node's earned reputation rose: it may now reach a task's reputation floor, or a circuit's. */
    REPUTATION_ROSE(EnumSet.of(WaitReason.NO_REPUTABLE_NODE, WaitReason.NO_PRIVACY_PATH)),
    /** The onion service's relays changed: a circuit may be possible now where none was. */
    RELAYS_CHANGED(EnumSet.of(WaitReason.NO_PRIVACY_PATH)),
    /** The scheduling or routing strategy changed: every earlier verdict may be different now. */
    STRATEGY_CHANGED(EnumSet.allOf(WaitReason.class));

    private final Set<WaitReason> cures;

    CapacityEvent(Set<WaitReason> cures) {
        this.cures = cures;
    }

    boolean cures(WaitReason reason) {
        return cures.contains(reason);
    }

    /**
     * Whether tasks backing off after a passing failure are tried at once too: a node more, or another strategy, is
     * news for them as well. Freed capacity is not (it comes with every finished task, and backoff is what keeps a
     * churning fleet from retrying every waiting task on each one).
     */
    boolean endsBackoff() {
        return this != CAPACITY_FREED;
    }
}
