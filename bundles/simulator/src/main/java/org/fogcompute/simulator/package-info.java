/** Simulated fleets, so that an operator can watch the coordinator work without real devices. */
@Export
@Version("1.0.0")
package org.fogcompute.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
