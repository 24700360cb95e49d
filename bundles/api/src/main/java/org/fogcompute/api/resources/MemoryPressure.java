package org.fogcompute.api.resources;

import org.osgi.annotation.versioning.ProviderType;

/** The runtime's memory pressure now, from the old-generation pool's usage after collections. */
@ProviderType
public interface MemoryPressure {

    /**
     * Topic of the event posted once per transition; properties {@code level}, {@code previous} and
     * {@code used.percent}.
     */
    String TOPIC = "fog/resource/MEMORY_PRESSURE";

    PressureLevel level();

    /** What the level is read from: the pool, its usage after the last collection and its limit. */
    record Reading(String pool, long usedAfterGcBytes, long maxBytes, PressureLevel level) {
        public double usedPercent() {
            return maxBytes <= 0 ? 0 : 100.0 * usedAfterGcBytes / maxBytes;
        }
    }

    Reading reading();

    /** Registrations in one batch above which HIGH pressure refuses the batch. */
    int batchLimitUnderPressure();
}
