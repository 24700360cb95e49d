package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.Task;

@Service
@Command(scope = "fog", name = "task-start", description = "Marks an ASSIGNED task RUNNING")
public class TaskStartCommand extends TaskCommand {
    @Override
    protected Object run() {
        Task task = tasks.start(taskId);
        System.out.println("Task " + task.id() + " is " + task.status());
        return null;
    }
}
