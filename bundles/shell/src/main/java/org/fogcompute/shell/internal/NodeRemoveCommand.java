package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.shell.internal.completers.NodeIdCompleter;

@Service
@Command(scope = "fog", name = "node-remove", description = "Unregisters a node; its tasks are re-routed")
public class NodeRemoveCommand extends FogAction {
    @Reference
    NodeRegistry registry;

    @Argument(index = 0, name = "node", description = "Node id", required = true)
    @Completion(NodeIdCompleter.class)
    String nodeId;

    @Override
    protected Object run() {
        Node removed = registry.unregister(nodeId);
        System.out.println("Removed node " + removed.id() + "; " + removed.activeTasks() + " task(s) re-routed");
        return null;
    }
}
