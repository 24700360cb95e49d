package org.fogcompute.shell.internal.completers;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fogcompute.api.routing.RoutingStrategies;

/** Completes the names of the routing strategies installed right now. */
@Service
public class StrategyNameCompleter implements Completer {
    @Reference(optional = true)
    RoutingStrategies strategies;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (strategies == null) {
            return -1;
        }
        return new StringsCompleter(strategies.names()).complete(session, commandLine, candidates);
    }
}
