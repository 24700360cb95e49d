package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.routing.RoutingStrategies;

@Service
@Command(scope = "fog", name = "strategy-list", description = "Lists routing strategies; * marks the default")
public class StrategyListCommand extends FogAction {
    @Reference(optional = true)
    RoutingStrategies strategies;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        Tables.strategies(strategies.names(), strategies.defaultName(), strategies.effectiveDefault(), System.out,
                !noFormat);
        return null;
    }
}
