package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.deployments.Deployment;
import org.fogcompute.api.deployments.DeploymentSpec;
import org.fogcompute.shell.internal.completers.DeploymentNameCompleter;

@Service
@Command(scope = "fog", name = "deploy-update", description = "Change a deployment: the options given (or a spec "
        + "--file) over its current spec; a new workload, resources or placement replaces the replicas rolling")
public class DeployUpdateCommand extends DeploySpecAction {

    @Argument(index = 0, name = "name", required = true, description = "Deployment name")
    @Completion(DeploymentNameCompleter.class)
    String name;

    @Override
    protected Object run() {
        Deployment current = deployments.find(name)
                .orElseThrow(() -> new NotFoundException("no deployment '" + name + "'"));
        DeploymentSpec spec = spec(name, current.spec());
        if (spec.equals(current.spec())) {
            System.out.println("Deployment " + name + " unchanged (generation " + current.generation() + ")");
            return null;
        }
        Deployment updated = deployments.update(spec);
        System.out.println("Deployment " + name + " updated: generation " + updated.generation()
                + (updated.generation() > current.generation() ? ", replicas replaced " + spec.maxUnavailable()
                        + " at a time" : ", replicas kept") + (updated.problem() == null ? ""
                : " (" + updated.problem() + ")"));
        return null;
    }
}
