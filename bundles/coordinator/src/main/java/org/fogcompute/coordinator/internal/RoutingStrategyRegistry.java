package org.fogcompute.coordinator.internal;

import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.routing.RoutingStrategies;
import org.fogcompute.api.routing.RoutingStrategy;

/** The strategies currently available, by name, and the default. Safe for concurrent add, remove and lookup. */
public class RoutingStrategyRegistry implements RoutingStrategies {
    private final ConcurrentMap<String, NamedStrategy> byName = new ConcurrentHashMap<>();
    private final Set<String> everRegistered = ConcurrentHashMap.newKeySet();
    private volatile String defaultName;

    public RoutingStrategyRegistry(String defaultName) {
        this.defaultName = defaultName;
    }

    public void add(String name, RoutingStrategy strategy) {
        byName.put(name, new NamedStrategy(name, strategy));
        everRegistered.add(name);
    }

    /** Removes the strategy only if it is still the one registered under that name. */
    public void remove(String name, RoutingStrategy strategy) {
        byName.computeIfPresent(name, (key, current) -> current.strategy() == strategy ? null : current);
    }

    @Override
    public SortedSet<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    @Override
    public String defaultName() {
        return defaultName;
    }

    @Override
    public void setDefault(String name) {
        if (name == null || !byName.containsKey(name)) {
            throw new NotFoundException("unknown strategy '" + name + "'; available: " + names());
        }
        defaultName = name;
    }

    /** Sets the default without checking that it is registered (configuration may name a strategy not yet there). */
    protected void configureDefault(String name) {
        defaultName = name;
    }

    @Override
    public Optional<RoutingStrategy> find(String name) {
        NamedStrategy named = name == null ? null : byName.get(name);
        return named == null ? Optional.empty() : Optional.of(named.strategy());
    }

    @Override
    public boolean isKnown(String name) {
        return name != null && (byName.containsKey(name) || everRegistered.contains(name));
    }

    @Override
    public Optional<NamedStrategy> resolve(String requested) {
        NamedStrategy named = requested == null ? null : byName.get(requested);
        if (named == null) {
            named = byName.get(defaultName);
        }
        if (named == null) {
            named = byName.get(BUILT_IN_DEFAULT);
        }
        if (named == null) {
            String first = effectiveDefault();
            named = first == null ? null : byName.get(first);
        }
        return Optional.ofNullable(named);
    }
}
