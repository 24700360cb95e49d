package org.fogcompute.api.services;

import java.time.Duration;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Reads the live wiring of the fog services and restarts them. */
@ProviderType
public interface ServiceOrchestrator {
    ServiceGraph graph();

    Optional<ServiceInfo> service(String name);

    /**
     * Disables and re-enables the service's component; SCR deactivates its dependents with it and activates them
     * again when it is back. Returns once the service and its dependents are active again, or the time limit
     * passed. @throws org.fogcompute.api.NotFoundException for an unknown service
     */
    Restart restart(String name);

    /** How a restart went: the states after it and how long until everything was back. */
    record Restart(String service, ServiceState state, Duration took, boolean dependentsBack) {
    }
}
