package org.fogcompute.api.resources;

import java.time.Instant;

/**
 * One sample of the host and the runtime. Percentages 0..100; NaN where this platform cannot say (the host's cpu,
 * memory and network come from Linux's {@code /proc}).
 *
 * @param networkPercent the busier direction's throughput as a share of the configured link speed
 */
public record ResourceSample(Instant at, double cpuPercent, double memoryPercent, double diskPercent,
                             double networkPercent, double networkMbps, double processCpuPercent,
                             double heapPercent) {

    /** The sampled value of a resource the thresholds watch. */
    public double value(Resource resource) {
        return switch (resource) {
            case CPU -> cpuPercent;
            case MEMORY -> memoryPercent;
            case DISK -> diskPercent;
            case NETWORK -> networkPercent;
        };
    }

    /** The host resources the monitor watches for alerts and trends. */
    public enum Resource { CPU, MEMORY, DISK, NETWORK }
}
