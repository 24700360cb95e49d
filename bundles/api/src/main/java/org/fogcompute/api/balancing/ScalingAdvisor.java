package org.fogcompute.api.balancing;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Recommends adding or removing nodes from the fleet's average load, evaluated on a schedule. */
@ProviderType
public interface ScalingAdvisor {
    /** The most recent recommendations, oldest first, at most the configured history [100]. */
    List<ScalingEvent> events();
}
