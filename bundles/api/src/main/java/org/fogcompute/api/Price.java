package org.fogcompute.api;

/**
 * What a node charges, in credits: per cpu core and hour, and per GPU and hour. A node that declares no price is
 * charged at the configured default (the COST strategy's {@code default.price.per.core.hour}).
 */
public record Price(double perCoreHour, double perGpuHour) {
    /** The largest price the API accepts: well inside what a double column keeps exactly enough. */
    public static final double MAX = 1_000_000_000d;

    public Price {
        Checks.range("price.perCoreHour", perCoreHour, 0, MAX);
        Checks.range("price.perGpuHour", perGpuHour, 0, MAX);
    }

    /** Credits per hour for a task's cpu cores and, when it needs one, a GPU. */
    public double hourlyFor(TaskRequirements requirements) {
        return perCoreHour * requirements.cpuCores() + (requirements.gpu() ? perGpuHour : 0);
    }
}
