package org.fogcompute.coordinator.internal;

/** What failure detection currently believes about a node. */
enum Liveness {
    ALIVE, SUSPECT, OFFLINE
}
