package org.fogcompute.balancer.internal;

import org.fogcompute.api.balancing.CircuitBreakers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Task outcomes reported by nodes feed the nodes' circuit breakers: a completed task a success, a failed one a failure. */
@Component(property = {EventConstants.EVENT_TOPIC + "=fog/task/COMPLETED",
    EventConstants.EVENT_TOPIC + "=fog/task/FAILED"})
public final class TaskOutcomeRecorder implements EventHandler {
    private final CircuitBreakers breakers;

    @Activate
    public TaskOutcomeRecorder(@Reference CircuitBreakers breakers) {
        this.breakers = breakers;
    }

    @Override
    public void handleEvent(Event event) {
        Object nodeId = event.getProperty("node.id");
        if (nodeId == null) {
            return;
        }
        if (event.getTopic().endsWith("/FAILED")) {
            breakers.recordFailure(nodeId.toString());
        } else {
            breakers.recordSuccess(nodeId.toString());
        }
    }
}
