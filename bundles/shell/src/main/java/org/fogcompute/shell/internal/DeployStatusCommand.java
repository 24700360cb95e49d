package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.deployments.Deployment;
import org.fogcompute.api.deployments.Replica;
import org.fogcompute.api.deployments.Workload;

@Service
@Command(scope = "fog", name = "deploy-status", description = "A deployment's replicas: node, state, health, "
        + "restarts, endpoint, generation")
public class DeployStatusCommand extends NamedDeploymentAction {
    @Override
    protected Object run() {
        Deployment d = deployments.find(name).orElseThrow(() -> new NotFoundException("no deployment '" + name
                + "'"));
        System.out.println(d.name() + ": " + d.ready() + " of " + d.spec().replicas() + " replicas ready, generation "
                + d.generation() + (d.problem() == null ? "" : "; " + d.problem()));
        Workload w = d.spec().workload();
        System.out.println("Runs " + (w.image() == null ? "" : w.image() + " ") + (w.command().isEmpty() ? ""
                : String.join(" ", w.command()) + " ") + "with " + d.spec().resources().cpuCores() + " cpu, "
                + d.spec().resources().memoryMb() + " MB" + (w.ports().isEmpty() ? "" : ", ports " + w.ports())
                + (w.env().isEmpty() ? "" : ", env " + String.join(", ", new java.util.TreeSet<>(w.env().keySet())))
                + "; balanced by " + (d.spec().algorithm() == null ? "the default algorithm" : d.spec().algorithm()));
        ShellTable table = new ShellTable().emptyTableText("No replicas");
        for (String column : new String[] {"SLOT", "TASK", "NODE", "STATE", "HEALTH", "RESTARTS", "ENDPOINT", "GEN"}) {
            table.column(column);
        }
        for (Replica r : d.replicas()) {
            table.addRow().addContent(r.slot(), r.taskId(), r.nodeId() == null ? "-" : r.nodeId(), r.state(),
                    r.health(), r.restarts(), r.endpoint() == null ? "-" : r.endpoint(), r.generation());
        }
        table.print(System.out);
        return null;
    }
}
