package org.fogcompute.api.services;

import java.time.Instant;
import java.util.List;

/**
 * A fog service's health from its checks: UNHEALTHY after 3 consecutive failed evaluations, HEALTHY again after
 * 2 passed ones, DEGRADED in between (or when a check warns), UNKNOWN before the first evaluation. Uptime is the
 * share of passed evaluations in the kept history. Auto-restarts with backoff follow UNHEALTHY; when they are used
 * up the service is FAILED until a forced restart.
 */
public record ServiceHealth(String service, Status status, int consecutiveFailures, int consecutiveSuccesses,
                            double uptimePercent, String lastMessage, Instant lastCheck, int autoRestarts,
                            boolean restartsExhausted, List<Sample> history) {
    public enum Status { HEALTHY, DEGRADED, UNHEALTHY, UNKNOWN }

    /** One evaluation. */
    public record Sample(Instant at, boolean ok, String message) {
    }

    /** Composite of the fog services' health: the worst of them; UNKNOWN when nothing was evaluated yet. */
    public static Status composite(List<ServiceHealth> services) {
        Status worst = null;
        for (ServiceHealth service : services) {
            if (service.status() == Status.UNKNOWN) {
                continue;
            }
            if (worst == null || service.status().compareTo(worst) > 0) {
                worst = service.status();
            }
        }
        return worst == null ? Status.UNKNOWN : worst;
    }
}
