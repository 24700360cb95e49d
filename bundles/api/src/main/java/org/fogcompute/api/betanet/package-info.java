/**
 * The mixnode directory (L5): the fleet's MIXNODE nodes, weighted by reputation, performance and stake, published
 * every epoch as a consensus document signed with the coordinator's Ed25519 key, and mixnet routes drawn from it.
 */
@Export
@Version("1.0.0")
package org.fogcompute.api.betanet;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
