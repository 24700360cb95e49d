package org.fogcompute.api.deployments;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.fogcompute.api.Placement;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.ValidationException;

/**
 * A deployment as its operator asks for it: {@code replicas} copies (default 1) of {@code workload}, each with
 * {@code resources} (default 1 cpu, 256 MB),
 * on distinct nodes within {@code regions} (empty: any) carrying {@code labels}; with {@code spreadRegions} also in
 * distinct regions. An update replaces replicas so that at most {@code maxUnavailable} are down at a time (1 by
 * default); {@code algorithm} balances requests over the running replicas (null: the load balancer's default).
 */
public record DeploymentSpec(String name, Workload workload, TaskRequirements resources, Integer replicas,
                             Set<String> regions, Map<String, String> labels, Boolean spreadRegions,
                             Integer maxUnavailable, String algorithm) {
    /** Replicas of one deployment: each avoids the others' nodes, and a task avoids at most this many. */
    public static final int MAX_REPLICAS = Placement.MAX_AVOIDED;
    /** Like a DNS label: replica task ids and the balancer's pool are derived from it. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public DeploymentSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("name", "a deployment name is 1-63 of a-z, 0-9 and '-', starting and "
                    + "ending with a letter or digit, got " + (name == null ? "nothing" : "'" + name + "'"));
        }
        if (workload == null) {
            throw new ValidationException("workload", "a deployment needs a workload (an image or a command)");
        }
        resources = resources == null ? TaskRequirements.DEFAULT : resources;
        replicas = replicas == null ? 1 : replicas;
        if (replicas < 0 || replicas > MAX_REPLICAS) {
            throw new ValidationException("replicas", "replicas are 0.." + MAX_REPLICAS + ", got " + replicas);
        }
        Placement placement = new Placement(regions, labels, null); // the same checks as a task's placement
        regions = placement.regions();
        labels = placement.labels();
        spreadRegions = Boolean.TRUE.equals(spreadRegions);
        maxUnavailable = maxUnavailable == null ? 1 : maxUnavailable;
        if (maxUnavailable < 1 || maxUnavailable > MAX_REPLICAS) {
            throw new ValidationException("maxUnavailable", "maxUnavailable is 1.." + MAX_REPLICAS + ", got "
                    + maxUnavailable);
        }
        if (algorithm != null && !algorithm.matches("[a-z0-9-]{1,64}")) {
            throw new ValidationException("algorithm", "an algorithm name is 1-64 of a-z, 0-9 and '-', got '"
                    + algorithm + "'");
        }
    }

    /** The same deployment with another replica count. */
    public DeploymentSpec withReplicas(int count) {
        return new DeploymentSpec(name, workload, resources, count, regions, labels, spreadRegions, maxUnavailable,
                algorithm);
    }

    /** Whether replicas made for {@code other} run what this asks for (workload and resources: an update if not). */
    public boolean sameTemplate(DeploymentSpec other) {
        return workload.equals(other.workload) && resources.equals(other.resources) && regions.equals(other.regions)
                && labels.equals(other.labels);
    }
}
