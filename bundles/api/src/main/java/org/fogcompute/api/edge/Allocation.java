package org.fogcompute.api.edge;

/**
 * What the runtime may use of a node now, at most: cpu cores and memory, below its declared capacity while its
 * battery, heat or harvest eligibility says so, with the reason. A node allocated less than it runs is given no more
 * work; its running tasks are not killed, unless {@code drain} says they must leave (after a grace period).
 *
 * @param reason why less than the declared capacity, null for the full capacity
 * @param drain  the node must give its running tasks back (it left harvest eligibility), not only take no more
 */
public record Allocation(int cpuCores, long memoryMb, String reason, boolean drain) {
    public Allocation {
        if (cpuCores < 0 || memoryMb < 0) {
            throw new IllegalArgumentException("an allocation cannot be negative");
        }
    }

    /** The full declared capacity. */
    public static Allocation full(int cpuCores, long memoryMb) {
        return new Allocation(cpuCores, memoryMb, null, false);
    }

    /** Nothing, and the running tasks must leave. */
    public static Allocation drained(String reason) {
        return new Allocation(0, 0, reason, true);
    }

    /** The smaller of two allocations, with the reasons of both when both restrict. */
    public Allocation min(Allocation other) {
        String both = reason == null ? other.reason : other.reason == null ? reason : reason + "; " + other.reason;
        return new Allocation(Math.min(cpuCores, other.cpuCores), Math.min(memoryMb, other.memoryMb), both,
                drain || other.drain);
    }
}
