package org.fogcompute.scheduler.internal;

import java.util.Comparator;
import org.fogcompute.api.scheduling.QueuedTask;
import org.fogcompute.api.scheduling.SchedulingStrategy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Priority classes (1 first) with aging, so that low priority cannot starve: a task gains one class for every
 * {@code aging.seconds.per.class} it has waited. Its effective rank is fixed at submission (class times the aging step,
 * plus the submission time), which makes the order independent of when it is asked and lets the queue stay sorted:
 * a priority-5 task submitted four steps before a priority-1 task ranks with it.
 */
@Component(service = SchedulingStrategy.class, configurationPid = PriorityStrategy.PID,
        property = SchedulingStrategy.NAME_PROPERTY + "=" + PriorityStrategy.NAME)
@Designate(ocd = PriorityStrategy.Config.class)
public class PriorityStrategy implements SchedulingStrategy {
    public static final String NAME = "priority";
    static final String PID = "org.fogcompute.scheduling.priority";
    /** A class step longer than a day would be no aging at all; shorter than a millisecond, no priority. */
    static final long MAX_AGING_MILLIS = 86_400_000L;

    @ObjectClassDefinition(name = "Fog scheduling: priority", description = "Priority classes with aging")
    public @interface Config {
        @AttributeDefinition(name = "Aging (s per class)", description = "Waiting this long lifts a task one "
                + "priority class")
        long aging_seconds_per_class() default 60;
    }

    private final Comparator<QueuedTask> order;

    @Activate
    public PriorityStrategy(Config config) {
        this(config.aging_seconds_per_class() * 1000);
    }

    PriorityStrategy(long agingMillisPerClass) {
        long step = Math.max(1, Math.min(MAX_AGING_MILLIS, agingMillisPerClass));
        this.order = Comparator.comparingLong(task -> (task.priority() - 1) * step + task.queuedAt().toEpochMilli());
    }

    @Override
    public Comparator<QueuedTask> order() {
        return order;
    }
}
