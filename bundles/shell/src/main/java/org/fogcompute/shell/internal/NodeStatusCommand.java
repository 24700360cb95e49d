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
        NodeStatus declared = Values.enumValue(NodeStatus.class, "status", status);
        Node node = registry.updateStatus(nodeId, declared);
        System.out.println(outcome(node, declared));
        return null;
    }

    /** Says what was declared, and why the node shows otherwise when it does (silent, or out of capacity). */
    static String outcome(Node node, NodeStatus declared) {
        if (node.status() == declared) {
            return "Node " + node.id() + " is now " + declared;
        }
        return "Node " + node.id() + " declared " + declared + "; it shows " + node.status() + switch (node.status()) {
            case SUSPECT, OFFLINE -> " until it heartbeats again";
            case BUSY -> " until capacity frees";
            default -> "";
        };
    }
}
