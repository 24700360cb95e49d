package org.fogcompute.resources.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fogcompute.api.resources.ResourceMonitor.Trend;
import org.fogcompute.api.resources.ResourceSample;
import org.fogcompute.api.resources.ResourceSample.Resource;
import org.junit.jupiter.api.Test;

class TrendsTest {
    /** Samples every 5 s: cpu rising 3 points a minute from 60, memory falling, disk flat, network unknown. */
    private static List<ResourceSample> window(int count) {
        List<ResourceSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double minutes = i * 5 / 60.0;
            samples.add(new ResourceSample(Instant.EPOCH.plusSeconds(i * 5L), 60 + 3 * minutes, 50 - 2 * minutes, 40,
                    Double.NaN, Double.NaN, 1, 1));
        }
        return samples;
    }

    @Test
    void slopesAreInPointsPerMinuteAndClassified() {
        assertThat(Trends.slopePerMinute(window(24), Resource.CPU)).isCloseTo(3.0, org.assertj.core.data.Offset
                .offset(1e-9));
        Map<Resource, Trend> trends = Trends.of(window(24));
        assertThat(trends).containsEntry(Resource.CPU, Trend.INCREASING).containsEntry(Resource.MEMORY,
                Trend.DECREASING).containsEntry(Resource.DISK, Trend.STABLE).containsEntry(Resource.NETWORK,
                Trend.INSUFFICIENT_DATA);
        assertThat(Trends.of(window(3))).containsEntry(Resource.CPU, Trend.INSUFFICIENT_DATA);
    }

    @Test
    void aRisingResourceDueToCrossItsWarningSoonIsRecommendedForWithTheReason() {
        Map<Resource, AlertBook.Limits> limits = new EnumMap<>(Resource.class);
        limits.put(Resource.CPU, new AlertBook.Limits(80, 95));
        limits.put(Resource.MEMORY, new AlertBook.Limits(85, 95));
        limits.put(Resource.DISK, new AlertBook.Limits(30, 95));
        var advice = Trends.recommendations(window(24), limits);
        assertThat(advice).extracting(r -> r.resource()).containsExactly(Resource.CPU, Resource.DISK);
        assertThat(advice.get(0).reason()).contains("rising 3.0 points a minute").contains("in about");
        assertThat(advice.get(1).reason()).contains("above the warning threshold of 30 %");
    }
}
