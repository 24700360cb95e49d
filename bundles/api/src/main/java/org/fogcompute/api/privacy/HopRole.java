package org.fogcompute.api.privacy;

/** A hop's place in a circuit: the client's guard first, middles, the exit last. */
public enum HopRole {
    GUARD, MIDDLE, EXIT
}
