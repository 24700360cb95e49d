package org.fogcompute.coordinator.internal;

import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.fogcompute.api.NotFoundException;

/**
 * Services of one kind by the name they were registered under, with a default that configuration may name before its
 * service arrives. Safe for concurrent add, remove and lookup. The routing and scheduling strategy registries are
 * this with their kind's lookup.
 */
class NamedServices<S> {
    private final ConcurrentMap<String, S> byName = new ConcurrentHashMap<>();
    private final Set<String> everRegistered = ConcurrentHashMap.newKeySet();
    private final String builtInDefault;
    private volatile String defaultName;

    protected NamedServices(String defaultName, String builtInDefault) {
        this.defaultName = defaultName;
        this.builtInDefault = builtInDefault;
    }

    public void add(String name, S service) {
        byName.put(name, service);
        everRegistered.add(name);
    }

    /** Removes the service only if it is still the one registered under that name. */
    public void remove(String name, S service) {
        byName.computeIfPresent(name, (key, current) -> current == service ? null : current);
    }

    public SortedSet<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    public String defaultName() {
        return defaultName;
    }

    /** @throws NotFoundException when no service of that name is registered */
    public void setDefault(String name) {
        if (name == null || !byName.containsKey(name)) {
            throw new NotFoundException("unknown strategy '" + name + "'; available: " + names());
        }
        defaultName = name;
    }

    /** Sets the default without checking that it is registered (configuration may name one not yet there). */
    protected void configureDefault(String name) {
        defaultName = name;
    }

    public Optional<S> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    public boolean isKnown(String name) {
        return name != null && (byName.containsKey(name) || everRegistered.contains(name));
    }

    /**
     * The name to use for a request naming {@code requested} (null for the default): the requested one if present,
     * else the default, else the built-in default, else the first by name; null only when none is registered.
     */
    String resolveName(String requested) {
        for (String name : new String[] {requested, defaultName, builtInDefault}) {
            if (name != null && byName.containsKey(name)) {
                return name;
            }
        }
        SortedSet<String> names = names();
        return names.isEmpty() ? null : names.first();
    }

    /** The name a service was registered under, from its properties; null when it has none. */
    static String nameOf(java.util.Map<String, Object> properties, String nameProperty) {
        Object name = properties.get(nameProperty);
        return name == null ? null : name.toString();
    }
}
