package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.deployments.Deployment;

@Service
@Command(scope = "fog", name = "deploy-delete", description = "Delete a deployment, taking its replicas down")
public class DeployDeleteCommand extends NamedDeploymentAction {
    @Override
    protected Object run() {
        Deployment deleted = deployments.delete(name);
        System.out.println("Deployment " + name + " deleted; " + deleted.replicas().size() + " replicas taken down");
        return null;
    }
}
