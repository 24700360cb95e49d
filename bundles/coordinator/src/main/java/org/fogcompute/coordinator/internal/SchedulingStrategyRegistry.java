package org.fogcompute.coordinator.internal;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fogcompute.api.scheduling.SchedulingStrategies;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling strategies currently available, by name, and the default, whose order the queue keeps. Listeners
 * (the coordinator, to re-sort its queue) are told of every change, without any lock held.
 */
public class SchedulingStrategyRegistry implements SchedulingStrategies {
    /** No strategy at all: the coordinator then keeps its built-in order. */
    static final SchedulingStrategies NONE = new SchedulingStrategyRegistry(BUILT_IN_DEFAULT);

    private final Logger log = LoggerFactory.getLogger(SchedulingStrategyRegistry.class);
    private final NamedServices<SchedulingStrategy> strategies;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public SchedulingStrategyRegistry(String defaultName) {
        this.strategies = new NamedServices<>(defaultName, BUILT_IN_DEFAULT);
    }

    public void add(String name, SchedulingStrategy strategy) {
        strategies.add(name, strategy);
        changed();
    }

    /** Removes the strategy only if it is still the one registered under that name. */
    public void remove(String name, SchedulingStrategy strategy) {
        strategies.remove(name, strategy);
        changed();
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
        changed();
    }

    /** Sets the default without checking that it is registered (configuration may name a strategy not yet there). */
    protected void configureDefault(String name) {
        strategies.configureDefault(name);
        changed();
    }

    @Override
    public Optional<SchedulingStrategy> find(String name) {
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

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // a coordinator whose database is away re-sorts its queue at its next transaction
                log.debug("A listener of scheduling strategy changes failed", e);
            }
        }
    }
}
