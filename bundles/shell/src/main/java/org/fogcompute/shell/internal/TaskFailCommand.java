package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.Task;

@Service
@Command(scope = "fog", name = "task-fail", description = "Marks a task FAILED with a reason and frees its capacity")
public class TaskFailCommand extends TaskCommand {
    @Argument(index = 1, name = "reason", description = "Why it failed")
    String reason;

    @Override
    protected Object run() {
        Task task = tasks.fail(taskId, reason);
        System.out.println("Task " + task.id() + " is " + task.status() + ": " + task.message());
        return null;
    }
}
