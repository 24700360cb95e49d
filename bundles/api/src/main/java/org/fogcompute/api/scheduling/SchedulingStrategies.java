package org.fogcompute.api.scheduling;

import java.util.Optional;
import java.util.SortedSet;
import org.osgi.annotation.versioning.ProviderType;

/** The scheduling strategies currently registered and the default one, whose order the queue keeps. */
@ProviderType
public interface SchedulingStrategies {
    /** The built-in default: priority classes with aging, the order tasks were tried in before the queue existed. */
    String BUILT_IN_DEFAULT = "priority";

    SortedSet<String> names();

    /** The configured default [priority]; it may be absent while its bundle is stopped. */
    String defaultName();

    /**
     * The strategy that orders the queue now: the configured default when installed, else {@link #BUILT_IN_DEFAULT},
     * else the first installed by name; null when none is installed (the queue then keeps arrival order).
     */
    default String effectiveDefault() {
        SortedSet<String> names = names();
        if (names.contains(defaultName())) {
            return defaultName();
        }
        return names.contains(BUILT_IN_DEFAULT) ? BUILT_IN_DEFAULT : names.isEmpty() ? null : names.first();
    }

    /** @throws org.fogcompute.api.NotFoundException when no strategy of that name is registered */
    void setDefault(String name);

    Optional<SchedulingStrategy> find(String name);

    /** Whether a strategy of this name is registered now or was since start. */
    boolean isKnown(String name);

    /** The requested strategy if present, else the effective default; empty only when none is registered. */
    Optional<NamedStrategy> resolve(String requested);

    /** Registers a listener told, without locks held, whenever the set of strategies or the default changes. */
    void onChange(Runnable listener);

    /** A strategy with the name it was registered under. */
    record NamedStrategy(String name, SchedulingStrategy strategy) {
    }
}
