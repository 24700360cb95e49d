package org.fogcompute.resources.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fogcompute.api.resources.ResourceMonitor.Recommendation;
import org.fogcompute.api.resources.ResourceMonitor.Trend;
import org.fogcompute.api.resources.ResourceSample;
import org.fogcompute.api.resources.ResourceSample.Resource;

/**
 * Trends and recommendations from the recent samples: the least-squares slope of each resource over the window, in
 * points per minute (rising or falling by at least {@link #STABLE_BELOW} is a trend; fewer than {@link #MIN_SAMPLES}
 * usable samples is not enough to say), and what to do when a resource is high or heading there.
 */
final class Trends {
    static final int MIN_SAMPLES = 6;
    static final double STABLE_BELOW = 1.0;

    private Trends() {
    }

    /** Percent points per minute, or NaN with too few samples. */
    static double slopePerMinute(List<ResourceSample> window, Resource resource) {
        List<double[]> points = new ArrayList<>();
        if (window.isEmpty()) {
            return Double.NaN;
        }
        long origin = window.get(0).at().toEpochMilli();
        for (ResourceSample sample : window) {
            double value = sample.value(resource);
            if (!Double.isNaN(value)) {
                points.add(new double[] {(sample.at().toEpochMilli() - origin) / 60_000.0, value});
            }
        }
        if (points.size() < MIN_SAMPLES) {
            return Double.NaN;
        }
        double meanX = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (double[] p : points) {
            covariance += (p[0] - meanX) * (p[1] - meanY);
            variance += (p[0] - meanX) * (p[0] - meanX);
        }
        return variance == 0 ? 0 : covariance / variance;
    }

    static Map<Resource, Trend> of(List<ResourceSample> window) {
        Map<Resource, Trend> trends = new EnumMap<>(Resource.class);
        for (Resource resource : Resource.values()) {
            double slope = slopePerMinute(window, resource);
            trends.put(resource, Double.isNaN(slope) ? Trend.INSUFFICIENT_DATA : slope >= STABLE_BELOW
                    ? Trend.INCREASING : slope <= -STABLE_BELOW ? Trend.DECREASING : Trend.STABLE);
        }
        return trends;
    }

    /** A recommendation for each resource at its warning level, or rising and due to reach it within 30 minutes. */
    static List<Recommendation> recommendations(List<ResourceSample> window, Map<Resource, AlertBook.Limits> limits) {
        List<Recommendation> advice = new ArrayList<>();
        if (window.isEmpty()) {
            return advice;
        }
        ResourceSample last = window.get(window.size() - 1);
        for (Resource resource : Resource.values()) {
            double value = last.value(resource);
            AlertBook.Limits limit = limits.get(resource);
            if (Double.isNaN(value) || limit == null) {
                continue;
            }
            double slope = slopePerMinute(window, resource);
            String level = String.format(java.util.Locale.ROOT, "%s at %.0f %%", name(resource), value);
            if (value >= limit.warning()) {
                advice.add(new Recommendation(resource, action(resource), level + ", above the warning threshold of "
                        + String.format(java.util.Locale.ROOT, "%.0f %%", limit.warning())));
            } else if (!Double.isNaN(slope) && slope >= STABLE_BELOW
                    && (limit.warning() - value) / slope <= 30) {
                advice.add(new Recommendation(resource, action(resource), String.format(java.util.Locale.ROOT,
                        "%s and rising %.1f points a minute: the warning threshold of %.0f %% in about %.0f min",
                        level, slope, limit.warning(), (limit.warning() - value) / slope)));
            }
        }
        return advice;
    }

    private static String name(Resource resource) {
        return switch (resource) {
            case CPU -> "host cpu";
            case MEMORY -> "host memory";
            case DISK -> "the data directory's disk";
            case NETWORK -> "network throughput";
        };
    }

    private static String action(Resource resource) {
        return switch (resource) {
            case CPU -> "add cpu capacity to the control plane's host, or move other work off it";
            case MEMORY -> "add memory to the host, or lower other processes' use (the runtime's heap is in "
                    + "bin/setenv)";
            case DISK -> "free or add space on the data directory's volume (logs, profiles, the embedded database)";
            case NETWORK -> "a faster link, or fewer heartbeats per second (a longer heartbeat interval on the nodes)";
        };
    }
}
