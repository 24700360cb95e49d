package org.fogcompute.scheduler.internal;

/** What changed in the fleet that may let a waiting task be placed now. */
enum CapacityEvent {
    /** A node registered. */
    NODE_JOINED,
    /** A node came back: from SUSPECT or OFFLINE, or out of MAINTENANCE. */
    NODE_RETURNED,
    /** A reservation ended: a task finished, failed, was cancelled or moved away. */
    CAPACITY_FREED,
    /** The scheduling or routing strategy changed: every earlier verdict may be different now. */
    STRATEGY_CHANGED
}
