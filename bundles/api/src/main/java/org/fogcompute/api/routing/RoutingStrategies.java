package org.fogcompute.api.routing;

import java.util.Optional;
import java.util.SortedSet;
import org.osgi.annotation.versioning.ProviderType;

/** The strategies currently registered and the default one. */
@ProviderType
public interface RoutingStrategies {

    SortedSet<String> names();

    /** The configured default [least-loaded]; it may be absent while its bundle is stopped. */
    String defaultName();

    /** The built-in default, used while the configured default is not installed. */
    String BUILT_IN_DEFAULT = "least-loaded";

    /**
     * The strategy tasks that name none are routed by now: the configured default when it is installed, else
     * {@link #BUILT_IN_DEFAULT}, else the first installed by name; null when none is installed.
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

    Optional<RoutingStrategy> find(String name);

    /**
     * Whether a strategy of this name is registered now or was since start. A task may name a strategy whose bundle
     * has been removed (it is then routed by the default); a name never seen is a mistake worth an error.
     */
    boolean isKnown(String name);

    /**
     * The strategy to use for a request naming {@code requested} (null for the default): the requested one if
     * present, else the default, else any registered strategy; empty only when none is registered.
     */
    Optional<NamedStrategy> resolve(String requested);

    /** A strategy with the name it was registered under. */
    record NamedStrategy(String name, RoutingStrategy strategy) {
    }
}
