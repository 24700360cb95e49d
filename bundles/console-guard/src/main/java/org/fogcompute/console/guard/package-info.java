/** The guard in front of every page of the web console; its names are the contract the Fog pages rely on. */
@Export
@Version("1.0.0")
package org.fogcompute.console.guard;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
