package org.fogcompute.orchestration.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import org.fogcompute.api.services.ServiceHealth;
import org.fogcompute.api.services.ServiceHealth.Sample;
import org.fogcompute.api.services.ServiceHealth.Status;

/** One service's health over its evaluations, and its automatic restarts. */
final class HealthTracker {
    private final String service;
    private final HealthPolicy policy;
    private final ArrayDeque<Sample> history = new ArrayDeque<>();
    private Status status = Status.UNKNOWN;
    private int failures;
    private int successes;
    private int autoRestarts;
    private boolean exhausted;
    private boolean restartPending;
    private String lastMessage;
    private Instant lastCheck;

    HealthTracker(String service, HealthPolicy policy) {
        this.service = service;
        this.policy = policy;
    }

    /**
     * Records an evaluation. {@code ok} false is a failure; {@code warn} an evaluation that passed with a warning.
     */
    synchronized void record(Instant at, boolean ok, boolean warn, String message) {
        lastCheck = at;
        lastMessage = message;
        history.addLast(new Sample(at, ok, message));
        while (history.size() > policy.historySize()) {
            history.removeFirst();
        }
        if (ok) {
            failures = 0;
            successes++;
            if (successes >= policy.healthyAfter() && !warn) {
                status = Status.HEALTHY;
                autoRestarts = 0;
                exhausted = false;
            } else if (warn || status == Status.UNHEALTHY) {
                status = Status.DEGRADED;
            }
            // a first pass after start leaves it UNKNOWN until the second: nothing is wrong, nothing proven yet
        } else {
            successes = 0;
            failures++;
            status = failures >= policy.unhealthyAfter() ? Status.UNHEALTHY : Status.DEGRADED;
        }
    }

    /**
     * The delay before the next automatic restart when one is due now (unhealthy, none pending, attempts left);
     * null otherwise. Marks the restart pending, or the attempts exhausted.
     */
    synchronized java.time.Duration nextRestart() {
        if (status != Status.UNHEALTHY || restartPending || exhausted) {
            return null;
        }
        if (autoRestarts >= policy.maxRestarts()) {
            exhausted = true;
            return null;
        }
        restartPending = true;
        return policy.backoff().get(autoRestarts);
    }

    synchronized void restarted(boolean automatic) {
        restartPending = false;
        if (automatic) {
            autoRestarts++;
        } else {
            autoRestarts = 0;
            exhausted = false;
            failures = 0;
            status = Status.UNKNOWN;
        }
    }

    synchronized boolean exhausted() {
        return exhausted;
    }

    synchronized ServiceHealth snapshot() {
        long passed = history.stream().filter(Sample::ok).count();
        double uptime = history.isEmpty() ? 0 : 100.0 * passed / history.size();
        return new ServiceHealth(service, status, failures, successes, uptime, lastMessage, lastCheck, autoRestarts,
                exhausted, List.copyOf(history));
    }
}
