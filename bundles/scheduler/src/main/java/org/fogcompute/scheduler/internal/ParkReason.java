package org.fogcompute.scheduler.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why a task cannot be placed now, and which capacity events can cure it: a parked task is tried again only on one
 * of those (or the periodic flush), not on every change in the fleet. Freed capacity cannot make a GPU node appear.
 */
enum ParkReason {
    /** No node accepts work at all (every node offline, in maintenance or draining). */
    NO_NODE_ACCEPTING_WORK(CapacityEvent.NODE_JOINED, CapacityEvent.NODE_RETURNED, CapacityEvent.CAPACITY_FREED,
            CapacityEvent.STRATEGY_CHANGED),
    /** Nodes of the right kind exist but none has the free cpu or memory. */
    NO_CAPACITY(CapacityEvent.NODE_JOINED, CapacityEvent.NODE_RETURNED, CapacityEvent.CAPACITY_FREED,
            CapacityEvent.STRATEGY_CHANGED),
    /** The task needs a GPU and no live node has one. */
    NO_GPU_NODE(CapacityEvent.NODE_JOINED, CapacityEvent.NODE_RETURNED, CapacityEvent.STRATEGY_CHANGED),
    /** The task is bound to a region without a live node. */
    NO_NODE_IN_REGION(CapacityEvent.NODE_JOINED, CapacityEvent.NODE_RETURNED, CapacityEvent.STRATEGY_CHANGED),
    /** The task needs a privacy path (onion-capable nodes) that the fleet cannot give. */
    NO_PRIVACY_PATH(CapacityEvent.NODE_JOINED, CapacityEvent.NODE_RETURNED, CapacityEvent.STRATEGY_CHANGED),
    /** No node could finish the task before its deadline. */
    DEADLINE_INFEASIBLE(CapacityEvent.NODE_JOINED, CapacityEvent.NODE_RETURNED, CapacityEvent.CAPACITY_FREED,
            CapacityEvent.STRATEGY_CHANGED);

    private final Set<CapacityEvent> curedBy;

    ParkReason(CapacityEvent first, CapacityEvent... rest) {
        this.curedBy = EnumSet.of(first, rest);
    }

    boolean curedBy(CapacityEvent event) {
        return curedBy.contains(event);
    }
}
