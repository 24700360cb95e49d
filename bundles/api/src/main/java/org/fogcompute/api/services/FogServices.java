package org.fogcompute.api.services;

/**
 * How a fog service's top-level DS component identifies itself: component properties, nothing else. Its layer and
 * dependencies are never declared; they are read from its references.
 */
public final class FogServices {
    /** The service's name, e.g. {@code coordinator}; a component with this property is a fog service. */
    public static final String NAME_PROPERTY = "fog.service.name";
    /** "true" when the runtime is not usable without it. */
    public static final String CRITICAL_PROPERTY = "fog.service.critical";

    private FogServices() {
    }
}
