package org.fogcompute.simulator;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registers simulated nodes that heartbeat and run the tasks routed to them, and removes them again on stop.
 */
@ProviderType
public interface FleetSimulator {

    /** Summary of a running or stopped simulation. */
    record Status(boolean running, int nodes, long heartbeats, long tasksStarted, long tasksCompleted) {
    }

    /**
     * Starts a simulation of {@code nodeCount} nodes (1..10,000) named {@code sim-<n>}.
     *
     * @throws IllegalStateException when one is already running
     */
    Status start(int nodeCount);

    /** Stops the simulation and unregisters its nodes; does nothing when none runs. */
    Status stop();

    Status status();
}
