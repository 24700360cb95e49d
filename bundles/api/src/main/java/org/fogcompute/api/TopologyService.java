package org.fogcompute.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Fleet-wide views: the current topology, recent snapshots and coordinator health. */
@ProviderType
public interface TopologyService {

    TopologySnapshot current();

    /** The most recent snapshots, oldest first, at most the configured history size [100]. */
    List<TopologySnapshot> history();

    CoordinatorHealth health();
}
