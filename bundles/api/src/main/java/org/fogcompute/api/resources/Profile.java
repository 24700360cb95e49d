package org.fogcompute.api.resources;

import java.time.Instant;
import java.util.List;

/**
 * A JDK Flight Recorder recording of the runtime and, once it is done, its summary.
 *
 * @param settings the JFR settings it was recorded with: {@code default} or {@code profile} (more detail)
 * @param problem  why it failed, null otherwise
 */
public record Profile(String id, State state, Instant startedAt, long durationSeconds, String settings,
                      String requestedBy, long sizeBytes, Summary summary, String problem) {

    public enum State { RECORDING, DONE, FAILED }

    /** A method, class or monitor with how often it was seen and, where it applies, how much it took. */
    public record Entry(String name, long count, double total) {
    }

    /**
     * What the recording says: hot methods (top frames of execution samples, most sampled first), allocation by class
     * (sampled bytes), garbage collection pauses, monitor contention by class (count, total ms), file and socket I/O
     * (bytes of the operations JFR records: those slower than its settings' threshold, 10–20 ms).
     */
    public record Summary(List<Entry> hotMethods, List<Entry> allocationsByClass, long gcPauses, double gcPauseTotalMs,
                          double gcPauseMaxMs, List<Entry> lockContention, long fileReadBytes, long fileWriteBytes,
                          long socketReadBytes, long socketWriteBytes, long events) {
        public Summary {
            hotMethods = List.copyOf(hotMethods);
            allocationsByClass = List.copyOf(allocationsByClass);
            lockContention = List.copyOf(lockContention);
        }
    }
}
