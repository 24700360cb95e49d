package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeStatus;

@Service
@Command(scope = "fog", name = "node-status", description = "Sets a node's declared status (ACTIVE, IDLE, MAINTENANCE)")
public class NodeStatusCommand extends NodeCommand {
    @Argument(index = 1, name = "status", description = "ACTIVE, IDLE or MAINTENANCE", required = true)
    @Completion(value = StringsCompleter.class, values = {"ACTIVE", "IDLE", "MAINTENANCE"})
    String status;

    @Override
    protected Object run() {
        Node node = registry.updateStatus(nodeId, Values.enumValue(NodeStatus.class, "status", status));
        System.out.println("Node " + node.id() + " is now " + node.status());
        return null;
    }
}
