package org.fogcompute.api.pools;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Every pool of the runtime, from every {@link PoolSource} registered now, sorted by name. */
@ProviderType
public interface PoolCatalog {

    List<PoolStats> pools();
}
