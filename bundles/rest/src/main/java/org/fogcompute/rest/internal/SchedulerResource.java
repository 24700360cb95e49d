package org.fogcompute.rest.internal;

import java.util.ArrayList;
import java.util.function.Supplier;
import org.fogcompute.api.scheduling.CompletionPredictions;
import org.fogcompute.api.scheduling.PredictionError;
import org.fogcompute.api.scheduling.QueueStats;
import org.fogcompute.api.scheduling.SchedulingStrategies;
import org.fogcompute.api.scheduling.TaskQueue;
import org.fogcompute.rest.internal.Bodies.StrategyChoice;
import org.fogcompute.rest.internal.Views.Strategies;

/** /api/scheduler: scheduling strategies and the default, the queue's state, the completion model's error. */
final class SchedulerResource {
    private final Supplier<SchedulingStrategies> strategies;
    private final Supplier<TaskQueue> queue;
    private final Supplier<CompletionPredictions> predictions;

    SchedulerResource(Supplier<SchedulingStrategies> strategies, Supplier<TaskQueue> queue,
                      Supplier<CompletionPredictions> predictions) {
        this.strategies = strategies;
        this.queue = queue;
        this.predictions = predictions;
    }

    /** Everything an operator looks at first. {@code predictionError} is absent without the scheduler bundle. */
    record SchedulerView(Strategies strategies, QueueStats queue, PredictionError predictionError) {
    }

    record Flushed(int woken) {
    }

    void register(Router router) {
        router.get("/scheduler", Access.VIEWER, "Scheduling strategies, the queue (ready, backing off, parked by "
                + "reason, oldest wait, time to placement per priority class) and the completion model's error",
                call -> new SchedulerView(strategies(), queue().stats(), error())).tag("scheduler")
                .returns(SchedulerView.class);
        router.get("/scheduler/strategies", Access.VIEWER, "Registered scheduling strategies and the default",
                call -> strategies()).tag("scheduler").returns(Strategies.class);
        router.put("/scheduler/strategies/default", Access.ADMIN, "Set the default scheduling strategy (the queue's "
                + "order)", this::setDefault).tag("scheduler").body(StrategyChoice.class).returns(Strategies.class)
                .errors(404);
        router.get("/scheduler/queue", Access.VIEWER, "The queue's state", call -> queue().stats())
                .tag("scheduler").returns(QueueStats.class);
        router.post("/scheduler/queue/flush", Access.ADMIN, "Try every parked task again now",
                call -> new Flushed(queue().flush())).tag("scheduler").returns(Flushed.class);
    }

    private Strategies strategies() {
        SchedulingStrategies registry = Services.require(strategies, "the scheduling strategy registry");
        String effective = registry.effectiveDefault();
        String configured = registry.defaultName();
        return new Strategies(new ArrayList<>(registry.names()), effective, configured,
                configured.equals(effective) ? null : "the configured default '" + configured + "' is not installed; "
                        + "the queue keeps the order of " + (effective == null ? "priority (built in)"
                        : "'" + effective + "'") + " until it returns");
    }

    private TaskQueue queue() {
        return Services.require(queue, "the scheduling queue");
    }

    private PredictionError error() {
        CompletionPredictions model = predictions.get();
        return model == null ? null : model.error();
    }

    private Object setDefault(Call call) {
        StrategyChoice choice = call.body(StrategyChoice.class);
        if (choice.name() == null || !org.fogcompute.api.Checks.isId(choice.name())) {
            throw ApiException.unprocessable("name", "name must name a scheduling strategy");
        }
        Services.require(strategies, "the scheduling strategy registry").setDefault(choice.name());
        return strategies();
    }
}
