package org.fogcompute.shell.internal.completers;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fogcompute.api.deployments.Deployment;
import org.fogcompute.api.deployments.DeploymentQuery;
import org.fogcompute.api.deployments.Deployments;

/** Completes deployment names. */
@Service
public class DeploymentNameCompleter implements Completer {
    @Reference(optional = true)
    Deployments deployments;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (deployments == null) {
            return -1;
        }
        StringsCompleter names = new StringsCompleter();
        for (Deployment deployment : deployments.list(DeploymentQuery.all()).items()) {
            names.getStrings().add(deployment.name());
        }
        return names.complete(session, commandLine, candidates);
    }
}
