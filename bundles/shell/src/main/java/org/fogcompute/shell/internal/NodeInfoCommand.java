package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.shell.internal.completers.NodeIdCompleter;

@Service
@Command(scope = "fog", name = "node-info", description = "Shows everything known about one node")
public class NodeInfoCommand extends FogAction {
    @Reference
    NodeRegistry registry;

    @Argument(index = 0, name = "node", description = "Node id", required = true)
    @Completion(NodeIdCompleter.class)
    String nodeId;

    @Override
    protected Object run() {
        Tables.node(registry.findNode(nodeId).orElseThrow(() -> NotFoundException.node(nodeId)), System.out);
        return null;
    }
}
