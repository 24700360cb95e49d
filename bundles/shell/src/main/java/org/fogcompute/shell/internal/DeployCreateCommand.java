package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;
import org.fogcompute.api.deployments.Deployment;
import org.fogcompute.api.deployments.DeploymentSpec;

@Service
@Command(scope = "fog", name = "deploy-create", description = "Create a deployment: replicas of an image or command "
        + "on distinct nodes, kept at their count (from --file and/or options)")
public class DeployCreateCommand extends DeploySpecAction {

    @Argument(index = 0, name = "name", required = true, description = "Name: a-z, 0-9 and '-', at most 63")
    String name;

    @Override
    protected Object run() {
        DeploymentSpec spec = spec(name, null);
        Deployment created = deployments.create(spec, ShellUtil.getCurrentUserName());
        System.out.println("Deployment " + created.name() + " created: " + created.replicas().size() + " of "
                + spec.replicas() + " replicas submitted" + (created.problem() == null ? ""
                : " (" + created.problem() + ")"));
        return null;
    }
}
