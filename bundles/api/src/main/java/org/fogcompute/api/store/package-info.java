/** Storage SPI: where the coordinator keeps its fleet durably. */
@Export
@Version("1.2.0")
package org.fogcompute.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
