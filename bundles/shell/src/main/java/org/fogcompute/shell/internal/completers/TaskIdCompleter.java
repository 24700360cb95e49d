package org.fogcompute.shell.internal.completers;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskQuery;
import org.fogcompute.api.TaskService;

/** Completes known task ids. */
@Service
public class TaskIdCompleter implements Completer {
    @Reference(optional = true)
    TaskService tasks;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (tasks == null) {
            return -1;
        }
        StringsCompleter ids = new StringsCompleter();
        for (Task task : tasks.list(TaskQuery.ALL).items()) {
            ids.getStrings().add(task.id());
        }
        return ids.complete(session, commandLine, candidates);
    }
}
