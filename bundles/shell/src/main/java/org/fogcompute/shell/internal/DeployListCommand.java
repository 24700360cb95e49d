package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fogcompute.api.deployments.Deployment;
import org.fogcompute.api.deployments.DeploymentQuery;
import org.fogcompute.api.deployments.Deployments;

@Service
@Command(scope = "fog", name = "deploy-list", description = "Deployments: ready and desired replicas, generation, "
        + "what they run, and why one is not complete")
public class DeployListCommand extends FogAction {
    @Reference(optional = true)
    Deployments deployments;

    @Option(name = "--incomplete", description = "Only deployments not fully running")
    boolean incomplete;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable().emptyTableText("No deployments");
        for (String column : new String[] {"NAME", "READY", "GENERATION", "WORKLOAD", "REGIONS", "OWNER", "PROBLEM"}) {
            table.column(column);
        }
        for (Deployment d : deployments.list(new DeploymentQuery(null, null, incomplete ? true : null, null, 0,
                DeploymentQuery.MAX_LIMIT)).items()) {
            table.addRow().addContent(d.name(), d.ready() + "/" + d.spec().replicas(), d.generation(),
                    d.spec().workload().image() != null ? d.spec().workload().image()
                            : String.join(" ", d.spec().workload().command()),
                    d.spec().regions().isEmpty() ? "any" : String.join(",", d.spec().regions()),
                    d.owner() == null ? "-" : d.owner(), d.problem() == null ? "-" : d.problem());
        }
        table.print(System.out);
        return null;
    }
}
