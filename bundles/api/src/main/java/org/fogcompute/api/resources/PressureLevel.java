package org.fogcompute.api.resources;

/**
 * How full the old generation stays after collections: LOW below 70 %, MEDIUM from 70, HIGH from 85, CRITICAL from 95
 * (configurable). At HIGH the memory caches shrink and large registration batches are refused; at CRITICAL new
 * registrations and submissions are refused while heartbeats and reads go on.
 */
public enum PressureLevel {
    LOW, MEDIUM, HIGH, CRITICAL;

    public boolean atLeast(PressureLevel other) {
        return compareTo(other) >= 0;
    }
}
