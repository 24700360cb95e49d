/**
 * Metrics that fog services contribute: each registers {@link org.fogcompute.api.metrics.MetricsSource} services (a
 * whiteboard), read on every scrape of {@code /metrics}; a bundle that goes takes its metrics with it. Labels are
 * bounded by design: never a node id, task id or cache key.
 */
@Export
@Version("1.0.0")
package org.fogcompute.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
