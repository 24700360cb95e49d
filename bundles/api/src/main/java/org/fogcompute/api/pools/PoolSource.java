package org.fogcompute.api.pools;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The pools a bundle owns, registered as an OSGi service: the pool view asks each source on every look, so reading
 * must be cheap and must not block (it reads what the pool's library counts anyway).
 */
@ConsumerType
public interface PoolSource {

    List<PoolStats> pools();
}
