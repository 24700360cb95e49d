package org.fogcompute.api;

import org.fogcompute.api.edge.DeviceTelemetry;

/**
 * Load a node reports with its heartbeat: cpu and memory use in percent, uptime percent, circuits it serves in; and,
 * from a device, its telemetry (battery, heat, network, user, local hour; {@link DeviceTelemetry#NONE} when none).
 */
public record NodeMetrics(double cpuPercent, double memoryPercent, double uptimePercent, int circuitCount,
                          DeviceTelemetry device) {
    public static final NodeMetrics IDLE = new NodeMetrics(0, 0, 100, 0);

    /** Load without device telemetry. */
    public NodeMetrics(double cpuPercent, double memoryPercent, double uptimePercent, int circuitCount) {
        this(cpuPercent, memoryPercent, uptimePercent, circuitCount, DeviceTelemetry.NONE);
    }

    public NodeMetrics {
        Checks.range("cpuPercent", cpuPercent, 0, 100);
        Checks.range("memoryPercent", memoryPercent, 0, 100);
        Checks.range("uptimePercent", uptimePercent, 0, 100);
        Checks.range("circuitCount", circuitCount, 0, 1_000_000);
        device = device == null ? DeviceTelemetry.NONE : device;
    }
}
