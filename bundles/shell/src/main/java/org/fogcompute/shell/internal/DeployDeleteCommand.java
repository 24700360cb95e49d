package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.deployments.Deployment;
import org.fogcompute.api.deployments.Deployments;
import org.fogcompute.shell.internal.completers.DeploymentNameCompleter;

@Service
@Command(scope = "fog", name = "deploy-delete", description = "Delete a deployment, taking its replicas down")
public class DeployDeleteCommand extends FogAction {
    @Reference(optional = true)
    Deployments deployments;

    @Argument(index = 0, name = "name", required = true, description = "Deployment name")
    @Completion(DeploymentNameCompleter.class)
    String name;

    @Override
    protected Object run() {
        Deployment deleted = deployments.delete(name);
        System.out.println("Deployment " + name + " deleted; " + deleted.replicas().size() + " replicas taken down");
        return null;
    }
}
