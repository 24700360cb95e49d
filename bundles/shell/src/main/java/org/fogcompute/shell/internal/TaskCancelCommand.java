package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.Task;

@Service
@Command(scope = "fog", name = "task-cancel", description = "Cancels a PENDING, ASSIGNED or RUNNING task")
public class TaskCancelCommand extends TaskCommand {
    @Override
    protected Object run() {
        Task task = tasks.cancel(taskId);
        System.out.println("Task " + task.id() + " is " + task.status());
        return null;
    }
}
