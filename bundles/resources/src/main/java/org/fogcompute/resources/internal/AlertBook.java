package org.fogcompute.resources.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fogcompute.api.resources.ResourceAlert;
import org.fogcompute.api.resources.ResourceAlert.Severity;
import org.fogcompute.api.resources.ResourceSample;
import org.fogcompute.api.resources.ResourceSample.Resource;

/**
 * Alerts with hysteresis: per resource at most one active alert; it is raised when the value crosses the warning or
 * critical threshold, escalated (a new alert) when it crosses the critical one, and cleared once the value is
 * {@code hysteresis} points below the threshold of its severity. A value hovering at a threshold raises nothing more.
 */
final class AlertBook {
    /** The warning and critical thresholds of a resource, percent. */
    record Limits(double warning, double critical) {
    }

    /** What a sample changed: alerts raised and cleared. */
    record Changes(List<ResourceAlert> raised, List<ResourceAlert> cleared) {
    }

    private static final int RECENT = 200;
    private final Map<Resource, ResourceAlert> active = new EnumMap<>(Resource.class);
    /** Newest first. */
    private final List<ResourceAlert> recent = new ArrayList<>();
    private volatile Map<Resource, Limits> limits;
    private volatile double hysteresis;

    AlertBook(Map<Resource, Limits> limits, double hysteresis) {
        limits(limits, hysteresis);
    }

    void limits(Map<Resource, Limits> changed, double points) {
        this.limits = Map.copyOf(changed);
        this.hysteresis = points;
    }

    synchronized Changes observe(ResourceSample sample) {
        List<ResourceAlert> raised = new ArrayList<>();
        List<ResourceAlert> cleared = new ArrayList<>();
        for (Resource resource : Resource.values()) {
            double value = sample.value(resource);
            Limits limit = limits.get(resource);
            if (Double.isNaN(value) || limit == null) {
                continue;
            }
            ResourceAlert current = active.get(resource);
            Severity crossed = value >= limit.critical() ? Severity.CRITICAL : value >= limit.warning()
                    ? Severity.WARNING : null;
            if (current == null) {
                if (crossed != null) {
                    raised.add(raise(resource, crossed, value, limit, sample.at()));
                }
            } else if (current.severity() == Severity.WARNING && crossed == Severity.CRITICAL) {
                cleared.add(clear(current, sample.at()));
                raised.add(raise(resource, Severity.CRITICAL, value, limit, sample.at()));
            } else if (value < current.threshold() - hysteresis) {
                cleared.add(clear(current, sample.at()));
                if (current.severity() == Severity.CRITICAL && value >= limit.warning()) {
                    raised.add(raise(resource, Severity.WARNING, value, limit, sample.at()));
                }
            }
        }
        return new Changes(raised, cleared);
    }

    private ResourceAlert raise(Resource resource, Severity severity, double value, Limits limit, Instant at) {
        ResourceAlert alert = new ResourceAlert(resource, severity, value, severity == Severity.CRITICAL
                ? limit.critical() : limit.warning(), at, null);
        active.put(resource, alert);
        recent.add(0, alert);
        while (recent.size() > RECENT) {
            recent.remove(recent.size() - 1);
        }
        return alert;
    }

    private ResourceAlert clear(ResourceAlert alert, Instant at) {
        ResourceAlert cleared = new ResourceAlert(alert.resource(), alert.severity(), alert.value(),
                alert.threshold(), alert.raisedAt(), at);
        active.remove(alert.resource());
        recent.replaceAll(a -> a == alert ? cleared : a);
        return cleared;
    }

    synchronized List<ResourceAlert> active() {
        return List.copyOf(active.values());
    }

    synchronized List<ResourceAlert> recent(int limit) {
        return recent.stream().limit(limit).toList();
    }
}
