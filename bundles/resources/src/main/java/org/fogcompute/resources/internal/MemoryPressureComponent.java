package org.fogcompute.resources.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import org.fogcompute.api.metrics.MetricsSink;
import org.fogcompute.api.metrics.MetricsSource;
import org.fogcompute.api.pools.SharedScheduler;
import org.fogcompute.api.resources.MemoryPressure;
import org.fogcompute.api.resources.PressureLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memory pressure from the JVM's own beans: the old-generation pool's usage after collections, read again whenever a
 * collector reports a collection or the pool's collection-usage threshold (set at the next level up) is crossed, and
 * every few seconds besides. Each transition is logged and posted once ({@link MemoryPressure#TOPIC}); the coordinator
 * and the cache act on the level.
 */
@Component(service = {MemoryPressure.class, MetricsSource.class}, configurationPid = MemoryPressureComponent.PID,
        property = {"fog.service.name=memory-pressure", "fog.service.critical=false"})
@Designate(ocd = MemoryPressureComponent.Config.class)
public class MemoryPressureComponent implements MemoryPressure, MetricsSource {
    static final String PID = "org.fogcompute.resources";
    private static final Logger LOG = LoggerFactory.getLogger(MemoryPressureComponent.class);

    @ObjectClassDefinition(name = "Fog resources", description = "Memory pressure and what it sheds")
    public @interface Config {
        @AttributeDefinition(name = "MEDIUM from (% of the old generation after collections)")
        double memory_medium_percent() default 70;

        @AttributeDefinition(name = "HIGH from (%)", description = "Memory caches shrink; large registration "
                + "batches are refused (503)")
        double memory_high_percent() default 85;

        @AttributeDefinition(name = "CRITICAL from (%)", description = "New registrations and submissions are "
                + "refused (503); heartbeats and reads go on")
        double memory_critical_percent() default 95;

        @AttributeDefinition(name = "Hysteresis (points)", description = "A level is left this far below its "
                + "threshold")
        double memory_hysteresis_percent() default 5;

        @AttributeDefinition(name = "Largest registration batch under HIGH pressure")
        int batch_limit_under_pressure() default 100;

        @AttributeDefinition(name = "Re-read every (s)")
        long check_seconds() default 5;
    }

    private final MemoryPoolMXBean pool;
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final ScheduledExecutorService worker;
    private volatile PressureLevels levels;
    private volatile int batchLimit;
    private volatile Reading reading;
    private long transitions;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Activate
    public MemoryPressureComponent(@Reference SharedScheduler scheduler, Config config) {
        this.worker = scheduler.lane("memory-pressure");
        this.pool = oldGeneration();
        this.reading = new Reading(pool.getName(), 0, limit(), PressureLevel.LOW);
        configure(config);
        NotificationListener reread = (notification, handback) -> worker.execute(this::evaluate);
        listenTo(ManagementFactory.getMemoryMXBean(), reread); // collection-usage threshold crossed
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> listenTo(gc, reread)); // any collection
        worker.scheduleWithFixedDelay(this::evaluate, 0, Math.max(1, config.check_seconds()), TimeUnit.SECONDS);
        LOG.info("Memory pressure read from pool '{}' (limit {} MB) after collections", pool.getName(),
                limit() / 1_048_576);
    }

    @Modified
    void configure(Config config) {
        this.levels = new PressureLevels(config.memory_medium_percent(), config.memory_high_percent(),
                config.memory_critical_percent(), config.memory_hysteresis_percent());
        this.batchLimit = Math.max(1, config.batch_limit_under_pressure());
        worker.execute(this::evaluate);
    }

    @Deactivate
    void deactivate() {
        unsubscribe.forEach(Runnable::run);
        worker.shutdownNow();
    }

    /** The heap pool collections leave the long-lived objects in: its name says old or tenured, else the largest. */
    static MemoryPoolMXBean oldGeneration() {
        List<MemoryPoolMXBean> candidates = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();
        return candidates.stream().filter(p -> p.getName().matches("(?i).*(old|tenured).*")).findFirst()
                .orElseGet(() -> candidates.stream().max(Comparator.comparingLong(p -> p.getUsage().getMax()))
                        .orElseThrow(() -> new IllegalStateException("no heap pool reports its usage after "
                                + "collections")));
    }

    private void listenTo(Object bean, NotificationListener listener) {
        if (bean instanceof NotificationEmitter emitter) {
            emitter.addNotificationListener(listener, null, null);
            unsubscribe.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException gone) {
                    // nothing to remove
                }
            });
        }
    }

    private long limit() {
        long max = pool.getUsage().getMax();
        return max > 0 ? max : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    /** Reads the pool's usage after the last collection; a new level is logged, posted and its threshold armed. */
    private synchronized void evaluate() {
        try {
            MemoryUsage afterGc = pool.getCollectionUsage();
            long used = afterGc == null ? 0 : afterGc.getUsed();
            long max = limit();
            double percent = max <= 0 ? 0 : 100.0 * used / max;
            PressureLevel before = reading.level();
            PressureLevel now = levels.next(before, percent);
            reading = new Reading(pool.getName(), used, max, now);
            if (now != PressureLevel.CRITICAL && max > 0) {
                // the JVM notifies when a collection leaves more than this: the next level up
                PressureLevel up = PressureLevel.values()[now.ordinal() + 1];
                pool.setCollectionUsageThreshold((long) (max * levels.threshold(up) / 100));
            }
            if (now != before) {
                transitions++;
                String line = String.format(java.util.Locale.ROOT, "Memory pressure %s -> %s: %.1f %% of '%s' "
                        + "in use after collections", before, now, percent, pool.getName());
                if (now.compareTo(before) > 0) {
                    LOG.warn("{}{}", line, what(now));
                } else {
                    LOG.info(line);
                }
                EventAdmin events = eventAdmin;
                if (events != null) {
                    events.postEvent(new Event(TOPIC, Map.of("level", now.name(), "previous", before.name(),
                            "used.percent", percent)));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Memory pressure not read: {}", e.toString());
        }
    }

    private String what(PressureLevel level) {
        return switch (level) {
            case HIGH -> "; memory caches shrink, registration batches over " + batchLimit + " are refused";
            case CRITICAL -> "; new registrations and submissions are refused until it eases";
            default -> "";
        };
    }

    @Override
    public PressureLevel level() {
        return reading.level();
    }

    @Override
    public Reading reading() {
        return reading;
    }

    @Override
    public int batchLimitUnderPressure() {
        return batchLimit;
    }

    @Override
    public void collect(MetricsSink sink) {
        Reading now = reading;
        for (PressureLevel level : PressureLevel.values()) {
            sink.gauge("fog_memory_pressure", "1 for the memory pressure level now, 0 for the others",
                    level == now.level() ? 1 : 0, "level", level.name());
        }
        sink.gauge("fog_memory_old_gen_used_after_gc_bytes", "The old generation's usage after the last collection",
                now.usedAfterGcBytes());
        synchronized (this) {
            sink.counter("fog_memory_pressure_transitions_total", "Changes of the memory pressure level",
                    transitions);
        }
    }
}
