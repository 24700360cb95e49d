package org.fogcompute.shell.internal.completers;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fogcompute.api.scheduling.SchedulingStrategies;

/** Completes the names of the scheduling strategies installed right now. */
@Service
public class SchedulingStrategyCompleter implements Completer {
    @Reference(optional = true)
    SchedulingStrategies strategies;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (strategies == null) {
            return -1;
        }
        return new StringsCompleter(strategies.names()).complete(session, commandLine, candidates);
    }
}
