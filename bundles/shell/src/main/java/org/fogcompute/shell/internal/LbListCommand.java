package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.balancing.LoadBalancer;

@Service
@Command(scope = "fog", name = "lb-list", description = "Lists load-balancing algorithms; * marks the default")
public class LbListCommand extends FogAction {
    @Reference(optional = true)
    LoadBalancer balancer;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        Tables.strategies(balancer.algorithms(), balancer.defaultAlgorithm(), System.out, !noFormat);
        return null;
    }
}
