package org.fogcompute.api.resources;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Samples of the host's and the runtime's cpu, memory, disk and network (every 5 s, the last 1,000 kept), alerts
 * with hysteresis, trends and capacity recommendations.
 */
@ProviderType
public interface ResourceMonitor {

    /** Topic of the event posted when an alert is raised; properties resource, severity, value, threshold. */
    String ALERT_RAISED_TOPIC = "fog/resource/ALERT_RAISED";

    /** Topic of the event posted when an alert clears. */
    String ALERT_CLEARED_TOPIC = "fog/resource/ALERT_CLEARED";

    enum Trend { INCREASING, DECREASING, STABLE, INSUFFICIENT_DATA }

    /** What to do about a resource, and why. */
    record Recommendation(ResourceSample.Resource resource, String action, String reason) {
    }

    Optional<ResourceSample> latest();

    /** The newest samples, oldest first, at most {@code limit}. */
    List<ResourceSample> history(int limit);

    Map<ResourceSample.Resource, Trend> trends();

    List<ResourceAlert> activeAlerts();

    /** Alerts raised recently, newest first, cleared or not. */
    List<ResourceAlert> recentAlerts(int limit);

    List<Recommendation> recommendations();
}
