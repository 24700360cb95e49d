package org.fogcompute.api.scheduling;

import java.time.Instant;
import java.util.Map;

/**
 * The queue in front of placement at one moment.
 *
 * @param strategy          the scheduling strategy whose order the active part keeps (null: none installed, arrival
 *                          order)
 * @param active            tasks ready for an attempt
 * @param backoff           tasks waiting out a backoff (1 s doubling to 10 s) after a failed attempt
 * @param parked            parked tasks by the reason they wait for
 * @param oldestQueuedAt    submission time of the task that waits longest, null when none waits
 * @param capacityEpoch     capacity events seen since start
 * @param deadlineExceeded  tasks failed with DEADLINE_EXCEEDED since start
 * @param timeToPlacement   time from submission to first placement, by priority class (1..10), over the latest
 *                          placements
 */
public record QueueStats(String strategy, int active, int backoff, Map<WaitReason, Integer> parked,
                         Instant oldestQueuedAt, long capacityEpoch, long deadlineExceeded,
                         Map<Integer, WaitTimes> timeToPlacement) {

    public int total() {
        return active + backoff + parked.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Percentiles of the latest waits of one priority class, in milliseconds. */
    public record WaitTimes(int samples, long p50Millis, long p99Millis, long maxMillis) {
    }
}
