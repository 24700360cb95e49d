package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.routing.RoutingStrategies;
import org.fogcompute.shell.internal.completers.StrategyNameCompleter;

@Service
@Command(scope = "fog", name = "strategy-set", description = "Sets the default routing strategy (kept across restarts)")
public class StrategySetCommand extends FogAction {
    @Reference(optional = true)
    RoutingStrategies strategies;

    @Argument(index = 0, name = "strategy", description = "Strategy name", required = true)
    @Completion(StrategyNameCompleter.class)
    String name;

    @Override
    protected Object run() {
        strategies.setDefault(name);
        System.out.println("Default routing strategy is now " + name);
        return null;
    }
}
