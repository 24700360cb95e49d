package org.fogcompute.coordinator.internal;

import java.util.Optional;
import org.fogcompute.api.routing.RoutingStrategies;
import org.fogcompute.api.routing.RoutingStrategy;

/** The strategies currently available, by name, and the default. Safe for concurrent add, remove and lookup. */
public class RoutingStrategyRegistry extends NamedServices<RoutingStrategy> implements RoutingStrategies {
    public RoutingStrategyRegistry(String defaultName) {
        super(defaultName, BUILT_IN_DEFAULT);
    }

    @Override
    public Optional<NamedStrategy> resolve(String requested) {
        String name = resolveName(requested);
        return name == null ? Optional.empty() : find(name).map(strategy -> new NamedStrategy(name, strategy));
    }
}
