package org.fogcompute.api.cache;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Fills a namespace when the cache starts. Registered as a service; each runs once per start, within the time limit
 * of the cache's configuration, and reports how many entries it loaded.
 */
@ConsumerType
public interface CacheWarmer {
    String namespace();

    /** Loads entries into {@code cache}; returns how many. Should stop early when interrupted. */
    int warm(FogCache cache);
}
