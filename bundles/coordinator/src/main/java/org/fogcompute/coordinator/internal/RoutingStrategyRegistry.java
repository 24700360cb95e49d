package org.fogcompute.coordinator.internal;

import java.util.Optional;
import java.util.SortedSet;
import org.fogcompute.api.routing.RoutingStrategies;
import org.fogcompute.api.routing.RoutingStrategy;

/** The strategies currently available, by name, and the default. Safe for concurrent add, remove and lookup. */
public class RoutingStrategyRegistry implements RoutingStrategies {
    private final NamedServices<RoutingStrategy> strategies;

    public RoutingStrategyRegistry(String defaultName) {
        this.strategies = new NamedServices<>(defaultName, BUILT_IN_DEFAULT);
    }

    public void add(String name, RoutingStrategy strategy) {
        strategies.add(name, strategy);
    }

    /** Removes the strategy only if it is still the one registered under that name. */
    public void remove(String name, RoutingStrategy strategy) {
        strategies.remove(name, strategy);
    }

    @Override
    public SortedSet<String> names() {
        return strategies.names();
    }

    @Override
    public String defaultName() {
        return strategies.defaultName();
    }

    @Override
    public void setDefault(String name) {
        strategies.setDefault(name);
    }

    /** Sets the default without checking that it is registered (configuration may name a strategy not yet there). */
    protected void configureDefault(String name) {
        strategies.configureDefault(name);
    }

    @Override
    public Optional<RoutingStrategy> find(String name) {
        return strategies.find(name);
    }

    @Override
    public boolean isKnown(String name) {
        return strategies.isKnown(name);
    }

    @Override
    public Optional<NamedStrategy> resolve(String requested) {
        String name = strategies.resolveName(requested);
        return name == null ? Optional.empty()
                : strategies.find(name).map(strategy -> new NamedStrategy(name, strategy));
    }
}
