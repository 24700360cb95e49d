package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.Page;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskQuery;
import org.fogcompute.api.TaskService;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.shell.internal.completers.NodeIdCompleter;

@Service
@Command(scope = "fog", name = "task-list", description = "Lists tasks, with filters and paging")
public class TaskListCommand extends FogAction {
    @Reference(optional = true)
    TaskService tasks;

    @Option(name = "-s", aliases = "--status", description = "PENDING, ASSIGNED, RUNNING, COMPLETED, FAILED, CANCELLED")
    String status;

    @Option(name = "-n", aliases = "--node", description = "Only tasks on this node")
    @Completion(NodeIdCompleter.class)
    String nodeId;

    @Option(name = "--offset", description = "Skip this many matching tasks")
    int offset;

    @Option(name = "--limit", description = "Show at most this many tasks (1..10000)")
    int limit = 100;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        Page<Task> page = tasks.list(new TaskQuery(Values.enumValue(TaskStatus.class, "status", status), nodeId,
                offset, limit));
        Tables.tasks(page.items(), System.out, !noFormat);
        if (!noFormat && page.total() > page.items().size()) {
            System.out.println("Showing " + page.items().size() + " of " + page.total() + " tasks");
        }
        return null;
    }
}
