package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.NotFoundException;

@Service
@Command(scope = "fog", name = "task-info", description = "Shows one task and where it ran")
public class TaskInfoCommand extends TaskCommand {
    @Override
    protected Object run() {
        Tables.task(tasks.findTask(taskId).orElseThrow(() -> NotFoundException.task(taskId)), System.out);
        return null;
    }
}
