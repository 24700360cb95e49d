package org.fogcompute.shell.internal.completers;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NodeRegistry;

/** Completes registered node ids. */
@Service
public class NodeIdCompleter implements Completer {
    @Reference(optional = true)
    NodeRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (registry == null) {
            return -1;
        }
        StringsCompleter ids = new StringsCompleter();
        for (Node node : registry.list(NodeQuery.ALL).items()) {
            ids.getStrings().add(node.id());
        }
        return ids.complete(session, commandLine, candidates);
    }
}
