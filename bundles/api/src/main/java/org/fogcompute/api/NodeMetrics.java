package org.fogcompute.api;

/** Load a node reports with its heartbeat: cpu and memory use in percent, uptime percent, circuits it serves in. */
public record NodeMetrics(double cpuPercent, double memoryPercent, double uptimePercent, int circuitCount) {
    public static final NodeMetrics IDLE = new NodeMetrics(0, 0, 100, 0);

    public NodeMetrics {
        Checks.range("cpuPercent", cpuPercent, 0, 100);
        Checks.range("memoryPercent", memoryPercent, 0, 100);
        Checks.range("uptimePercent", uptimePercent, 0, 100);
        Checks.range("circuitCount", circuitCount, 0, 1_000_000);
    }
}
