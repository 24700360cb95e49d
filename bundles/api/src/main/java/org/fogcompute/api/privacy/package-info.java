/**
 * The privacy layers (L3–L4): onion circuits planned over the fleet's onion-capable nodes, the privacy policy that
 * says what each level asks of a task's path, hidden services. The control plane never
 * carries payload or does the cryptography; it decides who talks to whom and keeps the state an operator needs.
 */
@Export
@Version("1.1.0")
package org.fogcompute.api.privacy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
