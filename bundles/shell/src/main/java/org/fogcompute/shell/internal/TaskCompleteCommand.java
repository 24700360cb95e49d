package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.Task;

@Service
@Command(scope = "fog", name = "task-complete", description = "Marks a task COMPLETED and frees its capacity")
public class TaskCompleteCommand extends TaskCommand {
    @Override
    protected Object run() {
        Task task = tasks.complete(taskId);
        System.out.println("Task " + task.id() + " is " + task.status());
        return null;
    }
}
