package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.balancing.LoadBalancer;

@Service
@Command(scope = "fog", name = "lb-set", description = "Sets the default load-balancing algorithm (kept across restarts)")
public class LbSetCommand extends FogAction {
    @Reference(optional = true)
    LoadBalancer balancer;

    @Argument(index = 0, name = "algorithm", description = "Algorithm name, as listed by fog:lb-list", required = true)
    String name;

    @Override
    protected Object run() {
        balancer.setDefaultAlgorithm(name);
        System.out.println("Default load-balancing algorithm is now " + name);
        return null;
    }
}
