package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskService;
import org.fogcompute.shell.internal.completers.TaskIdCompleter;

@Service
@Command(scope = "fog", name = "task-start", description = "Marks an ASSIGNED task RUNNING")
public class TaskStartCommand extends FogAction {
    @Reference
    TaskService tasks;

    @Argument(index = 0, name = "task", description = "Task id", required = true)
    @Completion(TaskIdCompleter.class)
    String taskId;

    @Override
    protected Object run() {
        Task task = tasks.start(taskId);
        System.out.println("Task " + task.id() + " is " + task.status());
        return null;
    }
}
