package org.fogcompute.coordinator.internal;

import java.time.Duration;

/** Validated coordinator settings, independent of OSGi so that tests and benchmarks can build them directly. */
record CoordinatorSettings(String coordinatorId, Duration heartbeatInterval, Duration heartbeatTimeout,
                           double phiThreshold, int maxRetries, int topologyHistorySize,
                           int finishedTaskRetention, Duration finishedTaskMaxAge) {

    static final CoordinatorSettings DEFAULTS = new CoordinatorSettings("coordinator-1", Duration.ofSeconds(30),
            Duration.ofSeconds(90), 8.0, 3, 100, 10_000);

    CoordinatorSettings(String coordinatorId, Duration heartbeatInterval, Duration heartbeatTimeout,
                        double phiThreshold, int maxRetries, int topologyHistorySize, int finishedTaskRetention) {
        this(coordinatorId, heartbeatInterval, heartbeatTimeout, phiThreshold, maxRetries, topologyHistorySize,
                finishedTaskRetention, Duration.ofDays(7));
    }

    CoordinatorSettings {
        if (coordinatorId == null || coordinatorId.isBlank()) {
            throw new IllegalArgumentException("coordinator.id must not be blank");
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat.interval must be positive");
        }
        if (heartbeatTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("heartbeat.timeout (" + heartbeatTimeout.toSeconds()
                    + " s) must be longer than heartbeat.interval (" + heartbeatInterval.toSeconds() + " s)");
        }
        if (!(phiThreshold > 0)) {
            throw new IllegalArgumentException("phi.threshold must be positive");
        }
        if (finishedTaskMaxAge == null || finishedTaskMaxAge.isNegative()) {
            throw new IllegalArgumentException("finished.task.max.age.hours must be ≥ 0");
        }
        if (maxRetries < 0 || topologyHistorySize < 1 || finishedTaskRetention < 0) {
            throw new IllegalArgumentException("max.retries and finished.task.retention must be ≥ 0, "
                    + "topology.history.size ≥ 1");
        }
    }

    CoordinatorSettings withHeartbeat(Duration interval, Duration timeout) {
        return new CoordinatorSettings(coordinatorId, interval, timeout, phiThreshold, maxRetries,
                topologyHistorySize, finishedTaskRetention, finishedTaskMaxAge);
    }
}
