package org.fogcompute.harvest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fogcompute.api.edge.DeviceTelemetry;
import org.fogcompute.api.edge.HarvestStore;

/**
 * One device's harvest eligibility, as a state machine fed by its heartbeats. Eligible needs every rule at once:
 * charging (when required), battery at least the minimum, cpu not hotter than the maximum (after going over it, only
 * below the resume temperature again), an unmetered network, no active user, a local hour inside the window (which
 * may wrap midnight). An eligible stretch is a session; a session that reaches the maximum ends and a cooldown
 * follows, whatever the rules say. A field a device does not report fails its rule: it opted in and must say.
 * Not thread-safe: the policy calls it under its own lock per node.
 */
final class Eligibility {
    /** The thresholds, all configurable. */
    record Rules(boolean chargingRequired, int minBatteryPercent, double maxCelsius, double resumeCelsius,
                 boolean unmeteredRequired, boolean idleUserRequired, int windowStartHour, int windowEndHour,
                 Duration maxSession, Duration cooldown) {
        static final Rules DEFAULTS = new Rules(true, 20, 45, 40, true, true, 22, 7, Duration.ofHours(8),
                Duration.ofMinutes(30));

        boolean insideWindow(int hour) {
            return windowStartHour <= windowEndHour
                    ? hour >= windowStartHour && hour < windowEndHour
                    : hour >= windowStartHour || hour < windowEndHour; // across midnight
        }
    }

    /** A session that ended: how long the device was harvested. */
    record Session(Instant start, Instant end) {
        Duration length() {
            return Duration.between(start, end);
        }
    }

    private boolean throttled;
    private Instant sessionStart;
    private Instant coolingUntil;
    private String lastReason;
    /** Whether what must outlive a restart (throttle, session, cooldown) changed since {@link #takeChanged}. */
    private boolean changed;
    private boolean observed;

    /** The verdict of one heartbeat: why the device may not be used (empty: it may), and the session it ended. */
    record Verdict(List<String> reasons, Session ended) {
        boolean eligible() {
            return reasons.isEmpty();
        }
    }

    Verdict observe(Rules rules, DeviceTelemetry t, Instant now) {
        observed = true;
        boolean wasThrottled = throttled;
        Instant startedAt = sessionStart;
        Instant coolingAt = coolingUntil;
        List<String> reasons = new ArrayList<>(3);
        if (rules.chargingRequired() && !Boolean.TRUE.equals(t.charging())) {
            reasons.add(t.charging() == null ? "charging not reported" : "not charging");
        }
        if (t.batteryPercent() != null && t.batteryPercent() < rules.minBatteryPercent()) {
            reasons.add("battery " + t.batteryPercent() + "% below " + rules.minBatteryPercent() + "%");
        }
        Double celsius = t.cpuTemperatureC();
        if (celsius == null) {
            reasons.add("cpu temperature not reported");
        } else if (throttled) {
            if (celsius < rules.resumeCelsius()) {
                throttled = false;
            } else {
                reasons.add("cooling down: cpu " + celsius + " °C, resumes below " + rules.resumeCelsius() + " °C");
            }
        } else if (celsius > rules.maxCelsius()) {
            throttled = true;
            reasons.add("cpu " + celsius + " °C above " + rules.maxCelsius() + " °C");
        }
        if (rules.unmeteredRequired() && !Boolean.FALSE.equals(t.meteredNetwork())) {
            reasons.add(t.meteredNetwork() == null ? "network not reported" : "metered network");
        }
        if (rules.idleUserRequired() && !Boolean.FALSE.equals(t.userActive())) {
            reasons.add(t.userActive() == null ? "user activity not reported" : "user active");
        }
        if (t.localHour() == null) {
            reasons.add("local hour not reported");
        } else if (!rules.insideWindow(t.localHour())) {
            reasons.add("outside the harvest window " + rules.windowStartHour() + ":00–" + rules.windowEndHour()
                    + ":00 (local hour " + t.localHour() + ")");
        }
        Session ended = null;
        if (coolingUntil != null && now.isBefore(coolingUntil)) {
            reasons.add("cooldown after a " + hours(rules.maxSession()) + " session, until " + coolingUntil);
        } else {
            coolingUntil = null;
        }
        if (reasons.isEmpty()) {
            if (sessionStart == null) {
                sessionStart = now;
            } else if (!now.isBefore(sessionStart.plus(rules.maxSession()))) {
                ended = new Session(sessionStart, sessionStart.plus(rules.maxSession()));
                sessionStart = null;
                coolingUntil = now.plus(rules.cooldown());
                reasons.add("session reached " + hours(rules.maxSession()) + "; cooldown until " + coolingUntil);
            }
        } else if (sessionStart != null) {
            ended = new Session(sessionStart, now);
            sessionStart = null;
        }
        lastReason = reasons.isEmpty() ? null : String.join("; ", reasons);
        changed |= wasThrottled != throttled || startedAt != sessionStart || coolingAt != coolingUntil;
        return new Verdict(List.copyOf(reasons), ended);
    }

    /** Whether the durable part of the state changed since the last call. */
    boolean takeChanged() {
        boolean was = changed;
        changed = false;
        return was;
    }

    /** The part of the state that must outlive a restart. */
    HarvestStore.DeviceState durable(String nodeId) {
        return new HarvestStore.DeviceState(nodeId, sessionStart, coolingUntil, throttled);
    }

    /**
     * Takes back a state stored before a restart. A device already seen since keeps the stricter of the two: the
     * earlier session start (the cap counts from it), the later cooldown, a throttle from either.
     */
    void restore(HarvestStore.DeviceState stored) {
        if (stored.sessionStart() != null && (sessionStart == null || stored.sessionStart().isBefore(sessionStart))) {
            sessionStart = stored.sessionStart();
        }
        if (stored.coolingUntil() != null && (coolingUntil == null || stored.coolingUntil().isAfter(coolingUntil))) {
            coolingUntil = stored.coolingUntil();
        }
        throttled |= stored.throttled();
    }

    /** Until when the device cools down after a full session; null when it does not. */
    Instant coolingUntil() {
        return coolingUntil;
    }

    /** Whether the device has reported since the start (a device restored from the store has not, yet). */
    boolean observed() {
        return observed;
    }

    /** Why the device was not eligible at its last heartbeat; null when it was. */
    String lastReason() {
        return lastReason;
    }

    /** The running session's start; null outside a session. */
    Instant sessionStart() {
        return sessionStart;
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
