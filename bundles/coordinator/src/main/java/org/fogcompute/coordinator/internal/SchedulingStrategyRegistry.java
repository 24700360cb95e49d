package org.fogcompute.coordinator.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fogcompute.api.scheduling.SchedulingStrategies;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling strategies currently available, by name, and the default, whose order the queue keeps. Listeners
 * (the coordinator, to re-sort its queue) are told of every change, without any lock held.
 */
public class SchedulingStrategyRegistry extends NamedServices<SchedulingStrategy> implements SchedulingStrategies {
    /** No strategy at all: the coordinator then keeps its built-in order. */
    static final SchedulingStrategies NONE = new SchedulingStrategyRegistry(BUILT_IN_DEFAULT);

    private final Logger log = LoggerFactory.getLogger(SchedulingStrategyRegistry.class);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public SchedulingStrategyRegistry(String defaultName) {
        super(defaultName, BUILT_IN_DEFAULT);
    }

    @Override
    public void add(String name, SchedulingStrategy strategy) {
        super.add(name, strategy);
        changed();
    }

    @Override
    public void remove(String name, SchedulingStrategy strategy) {
        super.remove(name, strategy);
        changed();
    }

    @Override
    public void setDefault(String name) {
        super.setDefault(name);
        changed();
    }

    @Override
    protected void configureDefault(String name) {
        super.configureDefault(name);
        changed();
    }

    @Override
    public Optional<NamedStrategy> resolve(String requested) {
        String name = resolveName(requested);
        return name == null ? Optional.empty() : find(name).map(strategy -> new NamedStrategy(name, strategy));
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
                // a coordinator whose database is away sorts its queue again at its next drain
                log.debug("A listener of scheduling strategy changes failed", e);
            }
        }
    }
}
