package org.fogcompute.metrics.internal;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fogcompute.api.metrics.Histogram;
import org.fogcompute.api.metrics.MetricsSink;

/**
 * Turns what the sources write into Prometheus snapshots, keeping the exposition valid and bounded whatever a source
 * does: a malformed name or label, a family written with two types, or more than {@link #MAX_SERIES} series in one
 * family (a label that is not bounded) is dropped and counted, never exposed.
 */
final class SnapshotSink implements MetricsSink {
    static final int MAX_SERIES = 500;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private enum Type { GAUGE, COUNTER, HISTOGRAM }

    private record Family(Type type, String help, List<Object> points) {
    }

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private long dropped;

    @Override
    public void gauge(String name, String help, double value, String... labelPairs) {
        add(Type.GAUGE, name, help, labelPairs, GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value));
    }

    @Override
    public void counter(String name, String help, double value, String... labelPairs) {
        if (name == null || !name.endsWith("_total")) {
            reject(name, "a counter's name ends in _total");
            return;
        }
        add(Type.COUNTER, name.substring(0, name.length() - "_total".length()), help, labelPairs,
                CounterSnapshot.CounterDataPointSnapshot.builder().value(value));
    }

    @Override
    public void histogram(String name, String help, Histogram.Snapshot values, String... labelPairs) {
        if (values == null || values.upperBounds().length != values.counts().length) {
            reject(name, "a histogram needs as many counts as bounds");
            return;
        }
        add(Type.HISTOGRAM, name, help, labelPairs, HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(values.upperBounds(), values.counts()))
                .sum(values.sum()));
    }

    private void add(Type type, String name, String help, String[] labelPairs, Object builder) {
        if (name == null || !NAME.matcher(name).matches()) {
            reject(name, "not a valid metric name");
            return;
        }
        if (labelPairs.length % 2 != 0) {
            reject(name, "labels come in name/value pairs");
            return;
        }
        for (int i = 0; i < labelPairs.length; i += 2) {
            if (labelPairs[i] == null || !LABEL.matcher(labelPairs[i]).matches() || labelPairs[i].startsWith("__")
                    || labelPairs[i + 1] == null) {
                reject(name, "label " + labelPairs[i] + " is not a valid label name or has no value");
                return;
            }
        }
        Family family = families.computeIfAbsent(name, n -> new Family(type, help == null ? "" : help,
                new ArrayList<>()));
        if (family.type() != type) {
            reject(name, "written as " + family.type() + " and as " + type);
            return;
        }
        if (family.points().size() >= MAX_SERIES) {
            dropped++;
            if (family.points().size() == MAX_SERIES) {
                problems.add(name + ": more than " + MAX_SERIES + " series (a label that is not bounded)");
            }
            return;
        }
        Labels labels;
        try {
            labels = Labels.of(labelPairs);
        } catch (IllegalArgumentException duplicate) {
            reject(name, duplicate.getMessage());
            return;
        }
        family.points().add(switch (type) {
            case GAUGE -> ((GaugeSnapshot.GaugeDataPointSnapshot.Builder) builder).labels(labels).build();
            case COUNTER -> ((CounterSnapshot.CounterDataPointSnapshot.Builder) builder).labels(labels).build();
            case HISTOGRAM -> ((HistogramSnapshot.HistogramDataPointSnapshot.Builder) builder).labels(labels).build();
        });
    }

    private void reject(String name, String why) {
        dropped++;
        problems.add(name + ": " + why);
    }

    /** Series left out of this scrape. */
    long dropped() {
        return dropped;
    }

    List<String> problems() {
        return problems;
    }

    /**
     * The families written, as snapshots; a family whose series repeat a label set is left out (the exposition
     * would not parse), and so is one whose name another collector already exposes.
     */
    List<MetricSnapshot> snapshots(java.util.Set<String> taken) {
        List<MetricSnapshot> snapshots = new ArrayList<>();
        families.forEach((name, family) -> {
            if (taken.contains(name)) {
                reject(name, "exposed by another collector already");
                return;
            }
            try {
                snapshots.add(snapshot(name, family));
            } catch (IllegalArgumentException invalid) {
                reject(name, invalid.getMessage());
            }
        });
        return snapshots;
    }

    private static MetricSnapshot snapshot(String name, Family family) {
        return switch (family.type()) {
            case GAUGE -> {
                GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(family.help());
                family.points().forEach(p -> gauge.dataPoint((GaugeSnapshot.GaugeDataPointSnapshot) p));
                yield gauge.build();
            }
            case COUNTER -> {
                CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(family.help());
                family.points().forEach(p -> counter.dataPoint((CounterSnapshot.CounterDataPointSnapshot) p));
                yield counter.build();
            }
            case HISTOGRAM -> {
                HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name(name).help(family.help());
                family.points().forEach(p -> histogram.dataPoint((HistogramSnapshot.HistogramDataPointSnapshot) p));
                yield histogram.build();
            }
        };
    }
}
