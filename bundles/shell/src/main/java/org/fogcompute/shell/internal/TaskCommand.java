package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.fogcompute.api.TaskService;
import org.fogcompute.shell.internal.completers.TaskIdCompleter;

/** Base of the commands that act on one task named by its id. */
abstract class TaskCommand extends FogAction {
    @Reference(optional = true)
    TaskService tasks;

    @Argument(index = 0, name = "task", description = "Task id", required = true)
    @Completion(TaskIdCompleter.class)
    String taskId;
}
