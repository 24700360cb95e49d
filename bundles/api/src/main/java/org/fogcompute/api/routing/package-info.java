/** Routing strategy SPI: integrators implement {@link org.fogcompute.api.routing.RoutingStrategy} as a service. */
@Export
@Version("1.3.0")
package org.fogcompute.api.routing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
