package org.fogcompute.shell.internal;

import java.time.Instant;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.scheduling.CompletionPredictions;
import org.fogcompute.api.scheduling.TaskQueue;

@Service
@Command(scope = "fog", name = "queue", description = "The scheduling queue: tasks ready, backing off and parked by "
        + "reason, the oldest wait, time to placement per priority class, the completion model's error")
public class QueueCommand extends FogAction {
    @Reference(optional = true)
    TaskQueue queue;

    /** Present when the scheduler bundle (ADAPTIVE, SLA) is installed. */
    @Reference(optional = true)
    @OptionalService
    CompletionPredictions predictions;

    @Override
    protected Object run() {
        Tables.queue(queue.stats(), predictions == null ? null : predictions.error(), Instant.now(), System.out);
        return null;
    }
}
