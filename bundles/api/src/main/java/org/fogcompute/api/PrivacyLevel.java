package org.fogcompute.api;

/** How sensitive a task's data is; CONFIDENTIAL tasks run only on onion-capable nodes. */
public enum PrivacyLevel {
    PUBLIC, PRIVATE, CONFIDENTIAL
}
