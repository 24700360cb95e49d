/** Domain model and service interfaces of the fog coordinator. */
@Export
@Version("1.9.0")
package org.fogcompute.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
