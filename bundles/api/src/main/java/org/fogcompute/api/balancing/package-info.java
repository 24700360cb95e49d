/**
 * Load balancing over replicas: the algorithm SPI, the balancer service with per-node circuit breakers, and the
 * scaling advisor's events.
 */
@Export
@Version("1.1.0")
package org.fogcompute.api.balancing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
