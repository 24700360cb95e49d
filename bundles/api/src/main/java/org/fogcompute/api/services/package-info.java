/** The fog services of the runtime as operators see them: states, dependencies, layers, restarts. */
@Export
@Version("1.0.0")
package org.fogcompute.api.services;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
