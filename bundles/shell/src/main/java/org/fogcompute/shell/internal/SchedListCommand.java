package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.scheduling.SchedulingStrategies;

@Service
@Command(scope = "fog", name = "sched-list", description = "Lists scheduling strategies; * marks the one ordering "
        + "the queue")
public class SchedListCommand extends FogAction {
    @Reference(optional = true)
    SchedulingStrategies strategies;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        Tables.strategies("scheduling", strategies.names(), strategies.defaultName(), strategies.effectiveDefault(),
                System.out, !noFormat);
        return null;
    }
}
