/** Who may call the coordinator: roles, authenticated callers, access tokens and node enrollment. */
@Export
@Version("2.1.0")
package org.fogcompute.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
