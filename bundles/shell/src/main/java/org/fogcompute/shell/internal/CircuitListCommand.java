package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.balancing.CircuitBreakers;

@Service
@Command(scope = "fog", name = "circuit-list", description = "Circuit breaker of every node that has been given work: "
        + "state, health, failures, when an open circuit admits trials again")
public class CircuitListCommand extends FogAction {
    @Reference(optional = true)
    CircuitBreakers breakers;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        Tables.circuits(breakers.states(), System.out, !noFormat);
        return null;
    }
}
