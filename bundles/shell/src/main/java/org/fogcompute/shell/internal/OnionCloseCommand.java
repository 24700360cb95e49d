package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.privacy.CircuitPlanner;

@Service
@Command(scope = "fog", name = "onion-close", description = "Close an onion circuit")
public class OnionCloseCommand extends FogAction {
    @Reference(optional = true)
    CircuitPlanner planner;

    @Argument(index = 0, name = "circuit", required = true, description = "The circuit's id (fog:onion-circuits)")
    String circuitId;

    @Override
    protected Object run() {
        if (!planner.close(circuitId)) {
            throw new NotFoundException("no circuit '" + circuitId + "'");
        }
        System.out.println("Circuit " + circuitId + " closed");
        return null;
    }
}
