package org.fogcompute.resources.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fogcompute.api.resources.ResourceAlert;
import org.fogcompute.api.resources.ResourceAlert.Severity;
import org.fogcompute.api.resources.ResourceSample;
import org.fogcompute.api.resources.ResourceSample.Resource;
import org.junit.jupiter.api.Test;

class AlertBookTest {
    private final AlertBook book = new AlertBook(limits(), 5);
    private int second;

    private static Map<Resource, AlertBook.Limits> limits() {
        Map<Resource, AlertBook.Limits> limits = new EnumMap<>(Resource.class);
        limits.put(Resource.CPU, new AlertBook.Limits(80, 95));
        limits.put(Resource.DISK, new AlertBook.Limits(85, 95));
        return limits;
    }

    private AlertBook.Changes cpu(double value) {
        return book.observe(new ResourceSample(Instant.EPOCH.plusSeconds(second++), value, 10, 10, Double.NaN,
                Double.NaN, 1, 1));
    }

    @Test
    void anAlertFiresOncePerCrossingAndClearsOnceBelowTheHysteresis() {
        List<String> log = new ArrayList<>();
        for (double value : new double[] {50, 81, 79, 82, 80.5, 76, 74.9, 70, 85}) {
            AlertBook.Changes changes = cpu(value);
            changes.raised().forEach(a -> log.add("raised " + a.severity() + " at " + a.value()));
            changes.cleared().forEach(a -> log.add("cleared " + a.severity()));
        }
        assertThat(log).containsExactly("raised WARNING at 81.0", "cleared WARNING", "raised WARNING at 85.0");
        assertThat(book.active()).singleElement().extracting(ResourceAlert::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void aWarningEscalatesToCriticalAndBackDownThroughWarning() {
        cpu(85);
        AlertBook.Changes critical = cpu(96);
        assertThat(critical.cleared()).extracting(ResourceAlert::severity).containsExactly(Severity.WARNING);
        assertThat(critical.raised()).extracting(ResourceAlert::severity).containsExactly(Severity.CRITICAL);
        assertThat(cpu(92).raised()).as("within the hysteresis").isEmpty();
        AlertBook.Changes down = cpu(88);
        assertThat(down.cleared()).extracting(ResourceAlert::severity).containsExactly(Severity.CRITICAL);
        assertThat(down.raised()).extracting(ResourceAlert::severity).containsExactly(Severity.WARNING);
        assertThat(book.recent(10)).hasSize(3);
        assertThat(book.recent(10).get(2).active()).as("the first warning, cleared").isFalse();
    }

    @Test
    void unknownValuesAndUnwatchedResourcesRaiseNothing() {
        assertThat(book.observe(new ResourceSample(Instant.EPOCH, Double.NaN, 99, Double.NaN, 99, 1, 1, 1)).raised())
                .isEmpty();
    }
}
