package org.fogcompute.api.services;

/** A fog service's component as SCR reports it. */
public enum ServiceState {
    /** Activated. */
    ACTIVE,
    /** Satisfied and registered, activated on first use. */
    SATISFIED,
    /** A required reference has no service; the problem names it. */
    UNSATISFIED,
    /** Switched off (restarting, or by an operator). */
    DISABLED,
    /** Its activation threw; the problem says what. */
    FAILED
}
