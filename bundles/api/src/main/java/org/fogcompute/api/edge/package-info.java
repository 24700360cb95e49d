/**
 * Edge devices (L1) and idle-compute harvest (L2): the telemetry devices report with their heartbeat, their class, the
 * share of their capacity the runtime may use now, and whether a device may be harvested at all.
 */
@Export
@Version("1.1.0")
package org.fogcompute.api.edge;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
