package org.fogcompute.simulator;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registers simulated nodes that heartbeat and run the tasks routed to them, and removes them again on stop.
 */
@ProviderType
public interface FleetSimulator {

    /**
     * Summary of a running or stopped simulation: among the nodes, {@code devices} are phones and tablets on a
     * day-and-night cycle that opted in to harvest; {@code harvestable} of them may be used now and {@code capped} are
     * limited by their battery or heat.
     */
    record Status(boolean running, int nodes, long heartbeats, long tasksStarted, long tasksCompleted, int devices,
                  int harvestable, int capped) {
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
