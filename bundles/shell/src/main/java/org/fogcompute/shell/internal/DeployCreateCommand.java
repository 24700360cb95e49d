package org.fogcompute.shell.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.deployments.Deployment;
import org.fogcompute.api.deployments.DeploymentSpec;
import org.fogcompute.api.deployments.Deployments;
import org.fogcompute.api.deployments.Workload;

@Service
@Command(scope = "fog", name = "deploy-create", description = "Create a deployment: replicas of an image or command "
        + "on distinct nodes, kept at their count")
public class DeployCreateCommand extends FogAction {
    @Reference(optional = true)
    Deployments deployments;

    @Argument(index = 0, name = "name", required = true, description = "Name: a-z, 0-9 and '-', at most 63")
    String name;

    @Option(name = "--image", description = "Image the replicas run (e.g. nginx:1.27)")
    String image;

    @Option(name = "--command", multiValued = true, description = "Command and arguments (repeat for each)")
    List<String> command;

    @Option(name = "-n", aliases = "--replicas", description = "Replica count [1]")
    int replicas = 1;

    @Option(name = "-c", aliases = "--cpu", description = "Cpu cores per replica [1]")
    int cpu = 1;

    @Option(name = "-m", aliases = "--memory", description = "Memory per replica in MB [256]")
    long memoryMb = 256;

    @Option(name = "--region", multiValued = true, description = "Only in this region (repeatable: any of them)")
    List<String> regions;

    @Option(name = "--label", multiValued = true, description = "Only on nodes with this label, key=value "
            + "(repeatable: all of them)")
    List<String> labels;

    @Option(name = "--spread-regions", description = "Each replica in another region too")
    boolean spreadRegions;

    @Option(name = "--port", multiValued = true, description = "Port the workload serves on (the first is the "
            + "replicas' endpoint)")
    List<Integer> ports;

    @Option(name = "--env", multiValued = true, description = "Environment variable, NAME=value (repeatable)")
    List<String> env;

    @Option(name = "--max-unavailable", description = "Replicas an update may take down at a time [1]")
    Integer maxUnavailable;

    @Option(name = "--algorithm", description = "Load-balancing algorithm over the replicas (default: the "
            + "balancer's)")
    String algorithm;

    @Override
    protected Object run() {
        DeploymentSpec spec = new DeploymentSpec(name, new Workload(image, command, pairs("env", env), ports),
                new TaskRequirements(cpu, memoryMb, 0, false), replicas, regions == null ? null
                : new TreeSet<>(regions), pairs("label", labels), spreadRegions, maxUnavailable, algorithm);
        Deployment created = deployments.create(spec, ShellUtil.getCurrentUserName());
        System.out.println("Deployment " + created.name() + " created: " + created.replicas().size() + " of "
                + spec.replicas() + " replicas submitted" + (created.problem() == null ? ""
                : " (" + created.problem() + ")"));
        return null;
    }

    static Map<String, String> pairs(String field, List<String> values) {
        Map<String, String> map = new TreeMap<>();
        for (String value : values == null ? List.<String>of() : values) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw new ValidationException(field, "a " + field + " is key=value, got '" + value + "'");
            }
            map.put(value.substring(0, eq), value.substring(eq + 1));
        }
        return map;
    }
}
