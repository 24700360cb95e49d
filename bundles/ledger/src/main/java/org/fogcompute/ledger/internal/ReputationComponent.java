package org.fogcompute.ledger.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.fogcompute.api.ledger.LedgerStore;
import org.fogcompute.api.ledger.NodeReputation;
import org.fogcompute.api.ledger.Reputation;
import org.fogcompute.api.ledger.ReputationEvent;
import org.fogcompute.api.store.StoreUnavailableException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reputation as the ledger keeps it, fed by the coordinator's task events: a completion is a success of the node that
 * ran the task, a failure counts against it, and a node that went OFFLINE holding a task loses more. Each outcome's key
 * is the task (and, for a lost node, the attempt), so an event delivered twice counts once.
 */
@Component(service = {Reputation.class, EventHandler.class}, configurationPid = ReputationComponent.PID,
        property = {"fog.service.name=reputation", "fog.service.critical=false",
            EventConstants.EVENT_TOPIC + "=fog/task/COMPLETED", EventConstants.EVENT_TOPIC + "=fog/task/FAILED",
            EventConstants.EVENT_TOPIC + "=fog/task/NODE_LOST"})
@Designate(ocd = ReputationComponent.Config.class)
public class ReputationComponent extends ReputationBook implements EventHandler {
    static final String PID = "org.fogcompute.reputation";
    static final String CHANGED_TOPIC = "fog/reputation/CHANGED";
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;
    private static final Logger LOG = LoggerFactory.getLogger(ReputationComponent.class);

    @ObjectClassDefinition(name = "Fog reputation", description = "Node reputation from task outcomes")
    public @interface Config {
        @AttributeDefinition(name = "Half-life (h)", description = "Without outcomes, a node's points move half way "
                + "back to the start in this time")
        long half_life_hours() default 168;
    }

    @Activate
    public ReputationComponent(@Reference LedgerStore store, Config config) {
        super(store, Clock.systemUTC(), halfLifeOf(config));
    }

    @Modified
    void modified(Config config) {
        halfLife(halfLifeOf(config));
    }

    @Override
    public void handleEvent(Event event) {
        Object task = event.getProperty("task.id");
        Object node = event.getProperty("node.id");
        if (!(task instanceof String taskId) || !(node instanceof String nodeId)) {
            return; // a task that never ran on a node (cancelled while waiting, deadline passed) says nothing of one
        }
        String topic = event.getTopic();
        try {
            NodeReputation now = null;
            if (topic.endsWith("/COMPLETED")) {
                now = record("done:" + taskId, nodeId, ReputationEvent.SUCCESS);
            } else if (topic.endsWith("/FAILED")) {
                now = record("failed:" + taskId, nodeId, ReputationEvent.FAILURE);
            } else if (topic.endsWith("/NODE_LOST")) {
                now = record("lost:" + taskId + ":" + event.getProperty("attempt"), nodeId,
                        ReputationEvent.LOST_DURING_TASK);
            }
            EventAdmin events = eventAdmin;
            if (now != null && events != null) {
                // routing takes the new score at once (the coordinator listens), not at its next refresh
                events.postEvent(new Event(CHANGED_TOPIC, Map.of("node.id", nodeId, "score", now.score())));
            }
        } catch (StoreUnavailableException e) {
            LOG.warn("Reputation of node {} not updated for task {} ({}): the database is unavailable", nodeId,
                    taskId, e.getMessage());
        }
    }

    private static Duration halfLifeOf(Config config) {
        return Duration.ofHours(Math.max(1, config.half_life_hours()));
    }
}
