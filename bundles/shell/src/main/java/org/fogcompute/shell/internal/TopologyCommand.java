package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.TopologyService;

@Service
@Command(scope = "fog", name = "topology", description = "Shows the fleet now, or its recent snapshots")
public class TopologyCommand extends FogAction {
    @Reference(optional = true)
    TopologyService topology;

    @Option(name = "--history", description = "List the recent snapshots instead")
    boolean history;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts (with --history)")
    boolean noFormat;

    @Override
    protected Object run() {
        if (history) {
            Tables.history(topology.history(), System.out, !noFormat);
        } else {
            Tables.topology(topology.current(), System.out);
        }
        return null;
    }
}
