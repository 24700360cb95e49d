package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.TopologyService;

@Service
@Command(scope = "fog", name = "coordinator-info",
        description = "Shows the coordinator: id, readiness, database reachability, counts, uptime, and its "
                + "transactions (committed, refused, failed while the database was unreachable)")
public class CoordinatorInfoCommand extends FogAction {
    @Reference(optional = true)
    TopologyService coordinator;

    @Override
    protected Object run() {
        Tables.coordinatorInfo(coordinator.health(), System.out);
        return null;
    }
}
