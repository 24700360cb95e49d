/**
 * Credits (L0): accounts, a double-entry journal in which every entry sums to zero, and the store that keeps it.
 * Amounts are integers in micro-credits ({@link Credits#MICROS}) so that sums are exact.
 */
@Export
@Version("1.1.0")
package org.fogcompute.api.ledger;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
