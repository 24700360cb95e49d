package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.deployments.Deployment;

@Service
@Command(scope = "fog", name = "deploy-scale", description = "Scale a deployment to a replica count (scaling down "
        + "takes waiting replicas first, running ones last)")
public class DeployScaleCommand extends NamedDeploymentAction {
    @Argument(index = 1, name = "replicas", required = true, description = "Replica count")
    int replicas;

    @Override
    protected Object run() {
        Deployment scaled = deployments.scale(name, replicas);
        System.out.println("Deployment " + name + ": " + scaled.replicas().size() + " replicas, " + scaled.ready()
                + " ready" + (scaled.problem() == null ? "" : " (" + scaled.problem() + ")"));
        return null;
    }
}
