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

    /**
     * As {@link #restart(String)}; when the service's automatic restarts are used up, only a forced restart is
     * done. @throws org.fogcompute.api.ConflictException when they are used up and {@code force} is false
     */
    Restart restart(String name, boolean force);

    /** Health of every fog service that has checks, from the last evaluations. */
    java.util.List<ServiceHealth> health();

    /** Evaluates every check now and returns the result. */
    java.util.List<ServiceHealth> checkNow();

    /**
     * How a restart went: the states after it, how long until everything was back, and when something did not come
     * back, what the restart gave up waiting for and why (null when everything is back).
     */
    record Restart(String service, ServiceState state, Duration took, boolean dependentsBack, String waitingFor) {
        public Restart(String service, ServiceState state, Duration took, boolean dependentsBack) {
            this(service, state, took, dependentsBack, null);
        }
    }
}
