package org.fogcompute.api;

/** What kind of device a node is. */
public enum NodeType {
    EDGE_DEVICE, RELAY_NODE, MIXNODE, COMPUTE_NODE, GATEWAY
}
