package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.services.ServiceOrchestrator;

@Service
@Command(scope = "fog", name = "service-list", description = "Fog services: state, layer, restarts, what is wrong")
public class ServiceListCommand extends FogAction {
    @Reference(optional = true)
    ServiceOrchestrator orchestrator;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        Tables.services(orchestrator.graph().services(), System.out, !noFormat);
        return null;
    }
}
