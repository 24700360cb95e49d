package org.fogcompute.api;

/**
 * How sensitive a task's data is. What each level asks of a task's path is the privacy policy's (vpn): PRIVATE a
 * circuit, CONFIDENTIAL a longer one through reputable relays, SECRET that plus a mixnet route. CONFIDENTIAL and SECRET
 * tasks run only on onion-capable nodes.
 */
public enum PrivacyLevel {
    PUBLIC, PRIVATE, CONFIDENTIAL, SECRET
}
