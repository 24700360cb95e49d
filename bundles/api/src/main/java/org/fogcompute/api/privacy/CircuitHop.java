package org.fogcompute.api.privacy;

/** One relay of a circuit, with what made it eligible (no two hops of a circuit share a region or an operator). */
public record CircuitHop(String nodeId, HopRole role, String region, String operator) {
}
