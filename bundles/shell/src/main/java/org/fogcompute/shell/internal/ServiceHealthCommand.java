package org.fogcompute.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.services.ServiceHealth;
import org.fogcompute.api.services.ServiceOrchestrator;

@Service
@Command(scope = "fog", name = "service-health", description = "Health of the fog services from their checks: "
        + "status, consecutive failures, uptime, automatic restarts; the composite status last")
public class ServiceHealthCommand extends FogAction {
    @Reference(optional = true)
    ServiceOrchestrator orchestrator;

    @Option(name = "--now", description = "Evaluate every check now instead of showing the last evaluation")
    boolean now;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        List<ServiceHealth> health = now ? orchestrator.checkNow() : orchestrator.health();
        Tables.serviceHealth(health, System.out, !noFormat);
        return null;
    }
}
