package org.fogcompute.coordinator.internal;

import java.time.Duration;

/**
 * How the scheduling queue waits: the longest a parked task waits for an event that cures its reason, and how often
 * every parked task is tried again regardless (the safety net for causes no event reports, such as a circuit that
 * closed).
 */
record QueueSettings(Duration maxPark, Duration flushInterval) {
    static final QueueSettings DEFAULTS = new QueueSettings(Duration.ofMinutes(5), Duration.ofSeconds(30));

    QueueSettings {
        if (maxPark.isNegative() || maxPark.isZero() || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("queue.max.park.seconds and queue.flush.interval.seconds must be "
                    + "positive");
        }
    }
}
