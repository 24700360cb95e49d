package org.fogcompute.api.resources;

import java.time.Instant;

/** A threshold crossed: raised once when crossed, cleared once when the value is back below (with hysteresis). */
public record ResourceAlert(ResourceSample.Resource resource, Severity severity, double value, double threshold,
                            Instant raisedAt, Instant clearedAt) {
    public enum Severity { WARNING, CRITICAL }

    public boolean active() {
        return clearedAt == null;
    }
}
