package org.fogcompute.shell.internal;

import java.time.Instant;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;
import org.fogcompute.api.GeoLocation;
import org.fogcompute.api.Placement;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.ResourcePreference;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskRequirements;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.ValidationException;
import org.fogcompute.shell.internal.completers.NodeIdCompleter;
import org.fogcompute.shell.internal.completers.SchedulingStrategyCompleter;
import org.fogcompute.shell.internal.completers.StrategyNameCompleter;

@Service
@Command(scope = "fog", name = "task-submit", description = "Submits a task; it is routed at once or queued as PENDING")
public class TaskSubmitCommand extends FogAction {
    @Reference(optional = true)
    TaskService tasks;

    @Option(name = "--id", description = "Task id (generated when omitted)")
    String id;

    @Option(name = "--type", description = "Task type")
    String type = "compute";

    @Option(name = "-c", aliases = "--cpu", description = "Cpu cores required (≥ 1)")
    int cpu = 1;

    @Option(name = "-m", aliases = "--memory", description = "Memory required in MB (≥ 1)")
    long memoryMb = 256;

    @Option(name = "--storage", description = "Storage required in MB")
    long storageMb = 100;

    @Option(name = "--gpu", description = "The task needs a GPU")
    boolean gpu;

    @Option(name = "-p", aliases = "--priority", description = "1 (highest) .. 10")
    int priority = 5;

    @Option(name = "--privacy", description = "PUBLIC, PRIVATE or CONFIDENTIAL")
    String privacy = "PUBLIC";

    @Option(name = "--onion", description = "The task requires an onion circuit")
    boolean onion;

    @Option(name = "-r", aliases = "--region", description = "Preferred region")
    String region;

    @Option(name = "--lat", description = "Preferred latitude")
    Double latitude;

    @Option(name = "--lon", description = "Preferred longitude")
    Double longitude;

    @Option(name = "-s", aliases = "--strategy", description = "Routing strategy for this task")
    @Completion(StrategyNameCompleter.class)
    String strategy;

    @Option(name = "--job", description = "Job id the task belongs to")
    String jobId;

    @Option(name = "--deadline", description = "Deadline: an instant (2026-12-06T18:00:00Z) or a time from now "
            + "(PT5M, 90s, 10m, 2h); a queued task still waiting then FAILs with DEADLINE_EXCEEDED")
    String deadline;

    @Option(name = "--resource", description = "Preferred resource: CPU or GPU (a preference, not a requirement)")
    String resource;

    @Option(name = "--price-limit", description = "Most the task may cost, credits per hour")
    Double priceLimit;

    @Option(name = "--min-reputation", description = "Least reputation (0..1) of the node that runs it; a node "
            + "starts at 0.5 and earns more by completing tasks")
    double minReputation;

    @Option(name = "--sched", description = "Scheduling strategy for this task (admission and node preference)")
    @Completion(SchedulingStrategyCompleter.class)
    String schedulingStrategy;

    @Option(name = "--only-region", multiValued = true, description = "Run only in this region (repeatable: any of "
            + "them); unlike --region, a requirement")
    java.util.List<String> onlyRegions;

    @Option(name = "--label", multiValued = true, description = "Run only on nodes with this label, key=value "
            + "(repeatable: all of them)")
    java.util.List<String> labels;

    @Option(name = "--avoid", multiValued = true, description = "Never run on this node (repeatable)")
    @Completion(NodeIdCompleter.class)
    java.util.List<String> avoidNodes;

    @Override
    protected Object run() {
        if ((latitude == null) != (longitude == null)) {
            throw new ValidationException(latitude == null ? "lat" : "lon", "give both --lat and --lon, or neither");
        }
        TaskSpec spec = new TaskSpec(id, type, priority, new TaskRequirements(cpu, memoryMb, storageMb, gpu,
                minReputation),
                Values.enumValue(PrivacyLevel.class, "privacy", privacy), onion, region,
                latitude == null ? null : new GeoLocation(latitude, longitude), Values.deadline(deadline, Instant.now()),
                null, strategy, jobId, resource == null ? null
                : Values.enumValue(ResourcePreference.class, "resource", resource), priceLimit, schedulingStrategy,
                placement());
        // the user the command runs as (its JAAS subject) pays; a session without one runs the runtime's own tasks
        Task task = tasks.submit(spec, ShellUtil.getCurrentUserName());
        if (task.status() == TaskStatus.PENDING) {
            System.out.println("Task " + task.id() + " is PENDING: " + task.message());
        } else {
            System.out.println("Task " + task.id() + " ASSIGNED to " + task.nodeId() + " by " + task.routedBy());
        }
        return null;
    }

    private Placement placement() {
        java.util.Map<String, String> required = new java.util.TreeMap<>();
        for (String label : labels == null ? java.util.List.<String>of() : labels) {
            int eq = label.indexOf('=');
            if (eq <= 0) {
                throw new ValidationException("label", "a label is key=value, got '" + label + "'");
            }
            required.put(label.substring(0, eq), label.substring(eq + 1));
        }
        return new Placement(onlyRegions == null ? null : new java.util.TreeSet<>(onlyRegions), required,
                avoidNodes == null ? null : new java.util.TreeSet<>(avoidNodes));
    }
}
