package org.fogcompute.api.scheduling;

/**
 * Why a queued task cannot be placed now. A parked task is tried again only on a capacity event that can cure its
 * reason (freed capacity cannot make a GPU node appear), on the periodic flush, or after the maximum park time.
 */
public enum WaitReason {
    /** No node accepts work at all (every node offline, suspect, in maintenance or busy). */
    NO_NODE_ACCEPTING_WORK,
    /** No live node meets the task's placement: its regions, its labels, outside the nodes it avoids. */
    NO_NODE_IN_PLACEMENT,
    /** Nodes accept work but none has the free cpu, memory or storage. */
    NO_CAPACITY,
    /** The task needs a GPU and no live node (online, not in maintenance) has one. */
    NO_GPU_NODE,
    /**
     * The task needs a privacy path (any level but PUBLIC, or a circuit asked for) and none can be planned now: too
     * few usable relays, no mixnet route for SECRET, or no privacy policy running; the message says which.
     */
    NO_PRIVACY_PATH,
    /** Nodes fit, but none has the reputation the task asks for ({@code requirements.minReputation}). */
    NO_REPUTABLE_NODE,
    /** Nodes fit, but none within the task's price limit. */
    OVER_PRICE_LIMIT,
    /** No node could finish the task before its deadline. */
    DEADLINE_INFEASIBLE
}
