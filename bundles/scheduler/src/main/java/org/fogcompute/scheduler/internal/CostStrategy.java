package org.fogcompute.scheduler.internal;

import java.util.Comparator;
import org.fogcompute.api.Node;
import org.fogcompute.api.Price;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.routing.Candidates;
import org.fogcompute.api.routing.NodeOrder;
import org.fogcompute.api.scheduling.NodeChoice;
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.fogcompute.api.scheduling.WaitReason;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The cheapest node that fits, by the price per cpu-core-hour and GPU-hour it declared at registration; a node that
 * declared none is charged the configured default, not treated as infinitely expensive. Among equally cheap nodes the
 * least loaded wins. A task with a price limit waits (OVER_PRICE_LIMIT) while every fitting node costs more.
 */
@Component(service = SchedulingStrategy.class, configurationPid = CostStrategy.PID,
        property = SchedulingStrategy.NAME_PROPERTY + "=" + CostStrategy.NAME)
@Designate(ocd = CostStrategy.Config.class)
public class CostStrategy implements SchedulingStrategy {
    public static final String NAME = "cost";
    static final String PID = "org.fogcompute.scheduling.cost";

    @ObjectClassDefinition(name = "Fog scheduling: cost", description = "Prices of nodes that declare none")
    public @interface Config {
        @AttributeDefinition(name = "Default price per core-hour (credits)")
        double default_price_per_core_hour() default 10.0;

        @AttributeDefinition(name = "Default price per GPU-hour (credits)")
        double default_price_per_gpu_hour() default 10.0;
    }

    private final Price defaultPrice;

    @Activate
    public CostStrategy(Config config) {
        this(new Price(config.default_price_per_core_hour(), config.default_price_per_gpu_hour()));
    }

    CostStrategy(Price defaultPrice) {
        this.defaultPrice = defaultPrice;
    }

    @Override
    public Comparator<QueuedTask> order() {
        return Orders.PRIORITY;
    }

    @Override
    public NodeChoice choose(TaskSpec task, Candidates candidates) {
        Node cheapest = null;
        double lowest = Double.POSITIVE_INFINITY;
        for (Node node : candidates.eligible(NodeOrder.LEAST_LOADED)) {
            double hourly = priceOf(node).hourlyFor(task.requirements());
            if (hourly < lowest) {
                lowest = hourly;
                cheapest = node;
            }
        }
        if (cheapest == null) {
            return NodeChoice.ROUTING; // no node fits: the coordinator says what the task waits for
        }
        if (task.priceLimit() != null && lowest > task.priceLimit()) {
            return NodeChoice.none(WaitReason.OVER_PRICE_LIMIT, String.format("the cheapest fitting node (%s) costs "
                    + "%.4f credits/h, above the task's limit of %.4f", cheapest.id(), lowest, task.priceLimit()));
        }
        return NodeChoice.of(cheapest);
    }

    @Override
    public boolean honoursPriceLimit() {
        return true;
    }

    Price priceOf(Node node) {
        return node.spec().price() == null ? defaultPrice : node.spec().price();
    }
}
