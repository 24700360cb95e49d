package org.fogcompute.api;

/**
 * Status of a node. ACTIVE, IDLE and MAINTENANCE are declared by the node or an operator; BUSY is derived from
 * full capacity; SUSPECT and OFFLINE come from failure detection.
 */
public enum NodeStatus {
    ACTIVE, IDLE, BUSY, SUSPECT, OFFLINE, MAINTENANCE;

    /** Whether a node may declare this status itself (at registration or through a status change). */
    public boolean isDeclarable() {
        return this == ACTIVE || this == IDLE || this == MAINTENANCE;
    }
}
