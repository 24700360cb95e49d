package org.fogcompute.api.pools;

/**
 * One pool as its library counts it. A figure the library does not count is -1 (shown as n/a), never a guess.
 *
 * @param name    unique in the runtime, e.g. {@code database/fog}, {@code scheduler}, {@code scheduler/onion}
 * @param kind    {@code threads}, {@code lane}, {@code connections}
 * @param owner   the bundle that owns it
 * @param size    members now (threads, open connections)
 * @param max     the most it may have, -1 when unbounded
 * @param active  members in use
 * @param idle    members waiting for work
 * @param waiting callers (or tasks) waiting for a member
 * @param created members created since the pool started
 * @param uses    times a member was handed out (tasks run, connections borrowed)
 * @param note    what the figures mean for this pool, or its state (e.g. "disconnected")
 */
public record PoolStats(String name, String kind, String owner, long size, long max, long active, long idle,
                        long waiting, long created, long uses, String note) {

    /** How many members were reused rather than created: uses − created. */
    public long reused() {
        return created < 0 || uses < 0 ? -1 : Math.max(0, uses - created);
    }

    /** The share of uses served by a member that already existed, 0..1; -1 while unknown or unused. */
    public double reuseRate() {
        return created < 0 || uses <= 0 ? -1 : (double) reused() / uses;
    }
}
