/** The shared two-level cache: namespaces of keyed values with a time to live, and warmers that fill them. */
@Export
@Version("1.0.0")
package org.fogcompute.api.cache;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
