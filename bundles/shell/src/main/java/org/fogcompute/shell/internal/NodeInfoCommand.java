package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.NotFoundException;

@Service
@Command(scope = "fog", name = "node-info", description = "Shows everything known about one node")
public class NodeInfoCommand extends NodeCommand {
    @Override
    protected Object run() {
        Tables.node(registry.findNode(nodeId).orElseThrow(() -> NotFoundException.node(nodeId)), System.out);
        return null;
    }
}
