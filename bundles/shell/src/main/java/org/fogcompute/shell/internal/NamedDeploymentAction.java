package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.fogcompute.api.deployments.Deployments;
import org.fogcompute.shell.internal.completers.DeploymentNameCompleter;

/** A {@code fog:deploy-*} command about one existing deployment, named by its first argument (Tab completes it). */
abstract class NamedDeploymentAction extends FogAction {
    @Reference(optional = true)
    Deployments deployments;

    @Argument(index = 0, name = "name", required = true, description = "Deployment name")
    @Completion(DeploymentNameCompleter.class)
    String name;
}
