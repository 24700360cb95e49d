/**
 * The message relay (L5): store-and-forward of opaque, client-encrypted messages between the peers of the directory,
 * with a time to live, delivery receipts, a bounded mailbox per peer and groups whose messages reach their members only.
 */
@Export
@Version("1.0.0")
package org.fogcompute.api.bitchat;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
