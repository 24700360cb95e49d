package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.shell.internal.completers.NodeIdCompleter;

/** Base of the commands that act on one node named by its id. */
abstract class NodeCommand extends FogAction {
    @Reference(optional = true)
    NodeRegistry registry;

    @Argument(index = 0, name = "node", description = "Node id", required = true)
    @Completion(NodeIdCompleter.class)
    String nodeId;
}
