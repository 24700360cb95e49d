/**
 * The runtime's own resources: memory pressure from the JVM's memory pools, and what the fog services do about it.
 */
@Export
@Version("1.0.0")
package org.fogcompute.api.resources;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
