package org.fogcompute.shell.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.deployments.DeploymentSpec;
import org.fogcompute.api.deployments.Deployments;
import org.fogcompute.api.deployments.Workload;

/**
 * The spec options of {@code fog:deploy-create} and {@code fog:deploy-update}: a spec file (JSON or YAML), and
 * options that set single fields over it, or over the deployment's current spec when updating.
 */
abstract class DeploySpecAction extends FogAction {
    @Reference(optional = true)
    Deployments deployments;

    @Option(name = "-f", aliases = "--file", description = "Spec file, JSON (or YAML when it ends in .yaml/.yml), "
            + "with the fields of POST /api/deployments; options given beside it override its fields")
    String file;

    @Option(name = "--image", description = "Image the replicas run (e.g. nginx:1.27)")
    String image;

    @Option(name = "--command", multiValued = true, description = "Command and arguments (repeat for each)")
    List<String> command;

    @Option(name = "-n", aliases = "--replicas", description = "Replica count [1]")
    Integer replicas;

    @Option(name = "-c", aliases = "--cpu", description = "Cpu cores per replica [1]")
    Integer cpu;

    @Option(name = "-m", aliases = "--memory", description = "Memory per replica in MB [256]")
    Long memoryMb;

    @Option(name = "--region", multiValued = true, description = "Only in this region (repeatable: any of them)")
    List<String> regions;

    @Option(name = "--label", multiValued = true, description = "Only on nodes with this label, key=value "
            + "(repeatable: all of them)")
    List<String> labels;

    @Option(name = "--spread-regions", description = "Each replica in another region too")
    boolean spreadRegions;

    @Option(name = "--no-spread-regions", description = "Replicas may share a region (on distinct nodes)")
    boolean noSpreadRegions;

    @Option(name = "--port", multiValued = true, description = "Port the workload serves on (the first is the "
            + "replicas' endpoint)")
    List<Integer> ports;

    @Option(name = "--env", multiValued = true, description = "Environment variable, NAME=value (repeatable; "
            + "replaces all of them)")
    List<String> env;

    @Option(name = "--max-unavailable", description = "Replicas an update may take down at a time [1]")
    Integer maxUnavailable;

    @Option(name = "--algorithm", description = "Load-balancing algorithm over the replicas (default: the "
            + "balancer's)")
    String algorithm;

    /**
     * The spec these options describe for deployment {@code name}: the file's, else {@code current} (null when
     * creating), with every option given set over it.
     */
    DeploymentSpec spec(String name, DeploymentSpec current) {
        if (spreadRegions && noSpreadRegions) {
            throw new ValidationException("spreadRegions", "--spread-regions or --no-spread-regions, not both");
        }
        DeploymentSpec base = current;
        if (file != null) {
            base = DeploymentSpecFile.read(Path.of(file));
            if (!base.name().equals(name)) {
                throw new ValidationException("name", file + " describes '" + base.name() + "', not '" + name + "'");
            }
        }
        Workload workload = base == null ? null : base.workload();
        if (image != null || command != null || env != null || ports != null) {
            // each field on its own: --image keeps the command (its arguments to the new image), and the reverse
            workload = new Workload(image != null ? image : workload == null ? null : workload.image(),
                    command != null ? command : workload == null ? null : workload.command(),
                    env != null ? pairs("env", env) : workload == null ? null : workload.env(),
                    ports != null ? ports : workload == null ? null : workload.ports());
        }
        TaskRequirements resources = base == null ? TaskRequirements.DEFAULT : base.resources();
        if (cpu != null || memoryMb != null) {
            resources = new TaskRequirements(cpu != null ? cpu : resources.cpuCores(),
                    memoryMb != null ? memoryMb : resources.memoryMb(), resources.storageMb(), resources.gpu());
        }
        return new DeploymentSpec(name, workload, resources,
                replicas != null ? replicas : base == null ? null : base.replicas(),
                regions != null ? new TreeSet<>(regions) : base == null ? null : base.regions(),
                labels != null ? pairs("label", labels) : base == null ? null : base.labels(),
                spreadRegions || (!noSpreadRegions && base != null && base.spreadRegions()),
                maxUnavailable != null ? maxUnavailable : base == null ? null : base.maxUnavailable(),
                algorithm != null ? algorithm : base == null ? null : base.algorithm());
    }

    static Map<String, String> pairs(String field, List<String> values) {
        Map<String, String> map = new TreeMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw new ValidationException(field, "a " + field + " is key=value, got '" + value + "'");
            }
            map.put(value.substring(0, eq), value.substring(eq + 1));
        }
        return map;
    }
}
