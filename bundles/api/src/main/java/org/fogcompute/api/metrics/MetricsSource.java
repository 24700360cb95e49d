package org.fogcompute.api.metrics;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A fog service's metrics, registered as an OSGi service: the metrics service asks each source for its current values
 * on every scrape. Collecting must be cheap and must not block (it reads counters the service keeps anyway).
 */
@ConsumerType
public interface MetricsSource {

    /** Adds this source's metrics, each name once, with at most a few label values per label. */
    void collect(MetricsSink sink);
}
