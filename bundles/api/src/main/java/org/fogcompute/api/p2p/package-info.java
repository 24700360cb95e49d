/**
 * The peer directory (L3): records that nodes publish about themselves (public key, endpoints, transports), signed
 * with their own Ed25519 key, and the lookups other nodes make in it (by region, nearest first, online only).
 */
@Export
@Version("1.0.0")
package org.fogcompute.api.p2p;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
