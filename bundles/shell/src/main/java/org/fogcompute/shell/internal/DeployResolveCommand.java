package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.deployments.Resolution;

@Service
@Command(scope = "fog", name = "deploy-resolve", description = "The replica a request to a deployment goes to, by "
        + "its load-balancing algorithm; with --report, how that request went (feeds circuit breakers and response "
        + "times)")
public class DeployResolveCommand extends NamedDeploymentAction {
    @Option(name = "-k", aliases = "--session", description = "Session key: consistent-hash keeps it on one replica")
    String sessionKey;

    @Option(name = "--report", description = "Report the request at once: success or failure")
    @Completion(value = StringsCompleter.class, values = {"success", "failure"})
    String report;

    @Option(name = "--latency", description = "With --report: how long the request took, in ms [0]")
    long latencyMillis;

    @Override
    protected Object run() {
        if (report != null && !report.equals("success") && !report.equals("failure")) {
            throw new ValidationException("report", "--report is success or failure, got '" + report + "'");
        }
        if (latencyMillis < 0) {
            throw new ValidationException("latency", "--latency is at least 0, got " + latencyMillis);
        }
        Resolution chosen = deployments.resolve(name, sessionKey);
        System.out.println("Replica " + chosen.slot() + " on " + chosen.nodeId() + (chosen.endpoint() == null ? ""
                : " at " + chosen.endpoint()) + " (by " + chosen.algorithm() + ")");
        if (report == null) {
            System.out.println("Lease " + chosen.leaseId() + ": report by " + chosen.reportBy()
                    + " (POST /api/deployments/" + name + "/report), or it counts as a success that took that long");
        } else {
            deployments.report(name, chosen.leaseId(), report.equals("success"), latencyMillis);
            System.out.println("Reported " + report + " in " + latencyMillis + " ms");
        }
        return null;
    }
}
