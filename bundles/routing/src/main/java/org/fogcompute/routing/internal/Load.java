package org.fogcompute.routing.internal;

import org.fogcompute.api.Node;

/** How loaded a node is, for strategies that prefer the least loaded one. */
final class Load {
    private Load() {
    }

    /**
     * Reported cpu use, but never less than the share of cpu the coordinator has reserved on the node: a node's
     * report lags behind the tasks just placed on it, and without this floor every task until its next heartbeat
     * would go to the same node.
     */
    static double cpuPercent(Node node) {
        double reserved = 100.0 * node.reservedCpu() / node.capacity().cpuCores();
        return Math.max(node.metrics().cpuPercent(), reserved);
    }

    /** Negative when {@code a} is less loaded: cpu first, then the reserved fraction. */
    static int compare(Node a, Node b) {
        int byCpu = Double.compare(cpuPercent(a), cpuPercent(b));
        return byCpu != 0 ? byCpu : Double.compare(a.reservedFraction(), b.reservedFraction());
    }
}
