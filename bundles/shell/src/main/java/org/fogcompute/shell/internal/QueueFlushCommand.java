package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.scheduling.TaskQueue;

@Service
@Command(scope = "fog", name = "queue-flush", description = "Tries every parked task again now, as the periodic flush "
        + "does (after fixing what a parked reason names)")
public class QueueFlushCommand extends FogAction {
    @Reference(optional = true)
    TaskQueue queue;

    @Override
    protected Object run() {
        System.out.println(queue.flush() + " parked task(s) tried again");
        return null;
    }
}
