package org.fogcompute.api.services;

import java.util.List;

/**
 * A fog service now: its state (and what is wrong when it is not running), its layer (0 for services that depend
 * on no other fog service, else one more than the highest layer they depend on), what it needs and who needs it.
 */
public record ServiceInfo(String name, String component, String bundle, ServiceState state, String problem,
                          boolean critical, int layer, List<Dependency> dependencies, List<String> dependents,
                          long restarts) {
}
