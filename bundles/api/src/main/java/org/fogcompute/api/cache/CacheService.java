package org.fogcompute.api.cache;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The cache by namespace. */
@ProviderType
public interface CacheService {
    /** The namespace, created on first use. Names are 1..64 characters of [A-Za-z0-9._-]. */
    FogCache namespace(String name);

    /** The namespaces created so far, if any, without creating one. */
    Optional<FogCache> existing(String name);

    List<CacheStats> stats();

    /** Evicts every key subscribed to {@code event}, in all namespaces, here and in the other runtimes. */
    void publish(String event);

    /** Whether the shared level is configured, and whether it answers now. */
    SharedLevel sharedLevel();

    record SharedLevel(boolean configured, boolean connected, String uri) {
    }
}
