package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.simulator.FleetSimulator;

@Service
@Command(scope = "fog", name = "simulate",
        description = "Starts simulated nodes that heartbeat and complete their tasks; --stop removes them")
public class SimulateCommand extends FogAction {
    @Reference(optional = true)
    FleetSimulator simulator;

    @Option(name = "-n", aliases = "--nodes", description = "How many simulated nodes to start (1..10000)")
    int nodes = 50;

    @Option(name = "--stop", description = "Stop the running simulation and unregister its nodes")
    boolean stop;

    @Option(name = "--status", description = "Show the running simulation")
    boolean status;

    @Override
    protected Object run() {
        FleetSimulator.Status result = stop ? simulator.stop() : status ? simulator.status() : simulator.start(nodes);
        System.out.println((result.running() ? "Simulation running: " : "Simulation stopped: ") + result.nodes()
                + " nodes, " + result.heartbeats() + " heartbeats, " + result.tasksStarted() + " tasks started, "
                + result.tasksCompleted() + " completed");
        if (result.devices() > 0) {
            System.out.println("Devices (phones and tablets opted in to harvest): " + result.devices() + ", "
                    + result.harvestable() + " harvestable now, " + result.capped() + " capped by battery or heat");
        }
        return null;
    }
}
