package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.Node;

@Service
@Command(scope = "fog", name = "node-remove", description = "Unregisters a node; its tasks are re-routed")
public class NodeRemoveCommand extends NodeCommand {
    @Override
    protected Object run() {
        Node removed = registry.unregister(nodeId);
        System.out.println("Removed node " + removed.id() + "; " + removed.activeTasks() + " task(s) re-routed");
        return null;
    }
}
