package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.balancing.ScalingAdvisor;

@Service
@Command(scope = "fog", name = "scaling-events", description = "Recent scale-up and scale-down recommendations")
public class ScalingEventsCommand extends FogAction {
    @Reference(optional = true)
    ScalingAdvisor advisor;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        Tables.scalingEvents(advisor.events(), System.out, !noFormat);
        return null;
    }
}
