package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.services.ServiceOrchestrator;

@Service
@Command(scope = "fog", name = "service-restart", description = "Restarts a fog service; its dependents are "
        + "re-activated by the container")
public class ServiceRestartCommand extends FogAction {
    @Reference(optional = true)
    ServiceOrchestrator orchestrator;

    @Argument(index = 0, name = "service", description = "Service name, as listed by fog:service-list", required = true)
    String name;

    @Option(name = "--force", description = "Restart even when its automatic restarts are used up (FAILED)")
    boolean force;

    @Override
    protected Object run() {
        ServiceOrchestrator.Restart restart = orchestrator.restart(name, force);
        System.out.println("Service " + name + " restarted: " + restart.state() + " after " + restart.took().toMillis()
                + " ms; dependents " + (restart.dependentsBack() ? "active again"
                        : "NOT all active: waiting for " + restart.waitingFor()));
        return null;
    }
}
