package org.fogcompute.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a source writes its metrics on a scrape. Names follow Prometheus' rules ({@code fog_} prefix, base units:
 * seconds, bytes; counters end in {@code _total}); labels come as name/value pairs. A metric written with several
 * label sets is one family; its help and type must be the same each time.
 */
@ProviderType
public interface MetricsSink {

    /** A value that goes up and down. */
    void gauge(String name, String help, double value, String... labelPairs);

    /** A count that only goes up while the runtime runs; {@code name} ends in {@code _total}. */
    void counter(String name, String help, double value, String... labelPairs);

    /** A distribution: counts per bucket, sum and count of the observations (seconds, bytes...). */
    void histogram(String name, String help, Histogram.Snapshot values, String... labelPairs);
}
