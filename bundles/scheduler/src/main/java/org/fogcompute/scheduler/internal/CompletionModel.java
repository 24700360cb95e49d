package org.fogcompute.scheduler.internal;

import java.time.Duration;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.fogcompute.api.scheduling.CompletionPredictions;
import org.fogcompute.api.scheduling.PredictionError;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The learnt model of task durations and outcomes, per (node, task type), fed by the coordinator's events of finished
 * tasks (each names its node, type and how long it ran). ADAPTIVE chooses nodes by it and SLA admits by it; its
 * prediction error is published as {@link CompletionPredictions}. The model lives in memory: after a restart it
 * learns again, exploring as at first.
 */
@Component(service = {CompletionModel.class, CompletionPredictions.class, EventHandler.class},
        configurationPid = CompletionModel.PID,
        property = {EventConstants.EVENT_TOPIC + "=fog/task/COMPLETED", EventConstants.EVENT_TOPIC + "=fog/task/FAILED"})
@Designate(ocd = CompletionModel.Config.class)
public class CompletionModel implements CompletionPredictions, EventHandler {
    static final String PID = "org.fogcompute.scheduling.adaptive";

    @ObjectClassDefinition(name = "Fog scheduling: adaptive model", description = "What ADAPTIVE and SLA learn")
    public @interface Config {
        @AttributeDefinition(name = "Decay", description = "Weight kept by past runs at each new one (0.95: the last "
                + "~20 runs of a node and type matter most)")
        double decay() default 0.95;

        @AttributeDefinition(name = "Shrinkage", description = "Runs of the task type's fleet-wide estimate counted "
                + "in each node's, while the node has few of its own")
        double shrinkage() default 3;

        @AttributeDefinition(name = "Error window", description = "Latest predictions scored in the reported error")
        int error_window() default 1000;

        @AttributeDefinition(name = "Candidates per decision", description = "Least-loaded eligible nodes ADAPTIVE "
                + "compares for one task")
        int candidates() default 32;
    }

    private final AdaptiveModel model;
    private final int candidates;

    @Activate
    public CompletionModel(Config config) {
        this(new AdaptiveModel(config.decay(), config.shrinkage(), Math.max(1, config.error_window()),
                RandomSource.XO_SHI_RO_256_PP.create()), config.candidates());
    }

    CompletionModel(AdaptiveModel model, int candidates) {
        this.model = model;
        this.candidates = Math.max(1, candidates);
    }

    int candidates() {
        return candidates;
    }

    @Override
    public void handleEvent(Event event) {
        Object node = event.getProperty("node.id");
        Object type = event.getProperty("task.type");
        Object millis = event.getProperty("duration.millis");
        if (node instanceof String && type instanceof String && millis instanceof Number) {
            boolean success = event.getTopic().endsWith("/COMPLETED");
            observe((String) node, (String) type, Duration.ofMillis(((Number) millis).longValue()), success);
        }
    }

    synchronized void observe(String node, String type, Duration duration, boolean success) {
        model.observe(node, type, duration, success);
    }

    synchronized String choose(List<String> nodes, String type, boolean exploit) {
        return model.choose(nodes, type, exploit);
    }

    /** Predicted seconds for a run of this type on the node; null when no run of the type was seen yet. */
    synchronized Double predictedSeconds(String node, String type) {
        return model.hasSeen(type) ? model.predict(node, type).seconds() : null;
    }

    @Override
    public synchronized PredictionError error() {
        return model.error();
    }
}
