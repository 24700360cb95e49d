package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.services.ServiceOrchestrator;

@Service
@Command(scope = "fog", name = "service-deps", description = "Fog services by layer with their dependencies as a "
        + "tree, startup and shutdown order, and any cycle")
public class ServiceDepsCommand extends FogAction {
    @Reference(optional = true)
    ServiceOrchestrator orchestrator;

    @Override
    protected Object run() {
        Tables.serviceTree(orchestrator.graph(), System.out);
        return null;
    }
}
