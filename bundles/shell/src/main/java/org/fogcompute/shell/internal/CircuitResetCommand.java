package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.balancing.CircuitBreakers;
import org.fogcompute.shell.internal.completers.NodeIdCompleter;

@Service
@Command(scope = "fog", name = "circuit-reset", description = "Closes a node's circuit and forgets its failures")
public class CircuitResetCommand extends FogAction {
    @Reference(optional = true)
    CircuitBreakers breakers;

    @Argument(index = 0, name = "node", description = "Node id", required = true)
    @Completion(NodeIdCompleter.class)
    String nodeId;

    @Override
    protected Object run() {
        breakers.reset(nodeId);
        System.out.println("Circuit of node " + nodeId + " closed");
        return null;
    }
}
