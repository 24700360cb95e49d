package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.scheduling.SchedulingStrategies;
import org.fogcompute.shell.internal.completers.SchedulingStrategyCompleter;

@Service
@Command(scope = "fog", name = "sched-set", description = "Sets the default scheduling strategy: the queue's order, "
        + "and the admission and node preference of tasks that name none (kept across restarts)")
public class SchedSetCommand extends FogAction {
    @Reference(optional = true)
    SchedulingStrategies strategies;

    @Argument(index = 0, name = "strategy", description = "Scheduling strategy name", required = true)
    @Completion(SchedulingStrategyCompleter.class)
    String name;

    @Override
    protected Object run() {
        strategies.setDefault(name);
        System.out.println("Default scheduling strategy is now " + name + "; the queue is re-sorted in its order");
        return null;
    }
}
