/**
 * Scheduling strategy SPI: integrators implement {@link org.fogcompute.api.scheduling.SchedulingStrategy} as a service.
 * A scheduling strategy orders the queue of waiting tasks, may refuse a task at submission, and may prefer a node;
 * the routing strategy chooses the node when it does not.
 */
@Export
@Version("1.0.0")
package org.fogcompute.api.scheduling;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
