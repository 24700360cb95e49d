/**
 * The runtime's pools in one place: the shared scheduler whose serial lanes replace the fog services' private
 * threads, and the view of every pool (threads, database connections, Redis connections) with its use.
 */
@Export
@Version("1.0.0")
package org.fogcompute.api.pools;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
