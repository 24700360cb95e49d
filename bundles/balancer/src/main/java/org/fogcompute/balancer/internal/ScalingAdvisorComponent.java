package org.fogcompute.balancer.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.Node;
import org.fogcompute.api.NodeQuery;
import org.fogcompute.api.NodeRegistry;
import org.fogcompute.api.NodeStatus;
import org.fogcompute.api.Page;
import org.fogcompute.api.balancing.ScalingAdvisor;
import org.fogcompute.api.balancing.ScalingEvent;
import org.fogcompute.api.pools.SharedScheduler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
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
 * Evaluates the fleet's average load on a schedule (never on the routing path) and records a recommendation when a
 * threshold is crossed, in a bounded history and as an OSGi event on {@code fog/scaling/SCALE_UP|SCALE_DOWN}.
 */
@Component(property = {"fog.service.name=scaling-advisor", "fog.service.critical=false"},
        configurationPid = ScalingAdvisorComponent.PID)
@Designate(ocd = ScalingAdvisorComponent.Settings.class)
public final class ScalingAdvisorComponent implements ScalingAdvisor {
    static final String PID = "org.fogcompute.scaling";
    private static final Logger LOG = LoggerFactory.getLogger(ScalingAdvisorComponent.class);

    @ObjectClassDefinition(name = "Fog scaling advisor")
    public @interface Settings {
        @AttributeDefinition(description = "Seconds between evaluations")
        long interval_seconds() default 30;

        double cpu_high_percent() default 80;

        double memory_high_percent() default 85;

        double cpu_low_percent() default 30;

        double memory_low_percent() default 50;

        @AttributeDefinition(description = "Scale-down is recommended only with more nodes than this")
        int min_nodes() default 2;

        @AttributeDefinition(description = "Recommendations kept")
        int history_size() default 100;
    }

    private final NodeRegistry registry;
    private final ScalingRules rules;
    private final int historySize;
    private final Clock clock;
    private final ArrayDeque<ScalingEvent> history = new ArrayDeque<>();
    private final ScheduledExecutorService timer;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Activate
    public ScalingAdvisorComponent(@Reference SharedScheduler scheduler,
                                   Settings settings, @Reference NodeRegistry registry) {
        this(registry, new ScalingRules(settings.cpu_high_percent(), settings.memory_high_percent(),
                settings.cpu_low_percent(), settings.memory_low_percent(), settings.min_nodes()),
                settings.history_size(), Clock.systemUTC(), scheduler.lane("scaling-advisor"));
        long interval = Math.max(1, settings.interval_seconds());
        timer.scheduleWithFixedDelay(this::evaluateSafely, interval, interval, TimeUnit.SECONDS);
    }

    /** Evaluated by calls only (tests): {@code timer} schedules nothing unless asked. */
    ScalingAdvisorComponent(NodeRegistry registry, ScalingRules rules, int historySize, Clock clock,
                            ScheduledExecutorService timer) {
        this.timer = timer;
        this.registry = registry;
        this.rules = rules;
        this.historySize = Math.max(1, historySize);
        this.clock = clock;
    }

    private void evaluateSafely() {
        try {
            evaluate();
        } catch (org.fogcompute.api.store.StoreUnavailableException notLoaded) {
            LOG.debug("Scaling evaluation skipped: {}", notLoaded.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Scaling evaluation failed: {}", e.getMessage(), e);
        }
    }

    /** One evaluation over the nodes that are not OFFLINE; returns the recommendation it recorded, if any. */
    Optional<ScalingEvent> evaluate() {
        double cpu = 0;
        double memory = 0;
        int nodes = 0;
        int offset = 0;
        Page<Node> page;
        do {
            page = registry.list(new NodeQuery(null, null, null, null, null, offset, NodeQuery.MAX_LIMIT));
            for (Node node : page.items()) {
                if (node.status() != NodeStatus.OFFLINE) {
                    cpu += node.metrics().cpuPercent();
                    memory += node.metrics().memoryPercent();
                    nodes++;
                }
            }
            offset += page.items().size();
        } while (!page.items().isEmpty() && offset < page.total());
        if (nodes == 0) {
            return Optional.empty();
        }
        double averageCpu = cpu / nodes;
        double averageMemory = memory / nodes;
        int count = nodes;
        return rules.evaluate(averageCpu, averageMemory, count).map(direction -> record(new ScalingEvent(
                clock.instant(), direction, averageCpu, averageMemory, count,
                rules.reason(direction, averageCpu, averageMemory, count))));
    }

    private ScalingEvent record(ScalingEvent event) {
        synchronized (history) {
            history.addLast(event);
            while (history.size() > historySize) {
                history.removeFirst();
            }
        }
        LOG.info("Scaling advice: {} ({})", event.direction(), event.reason());
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event("fog/scaling/" + event.direction().name(), Map.of(
                    "average.cpu.percent", event.averageCpuPercent(),
                    "average.memory.percent", event.averageMemoryPercent(), "nodes", event.nodes(),
                    "reason", event.reason())));
        }
        return event;
    }

    @Override
    public List<ScalingEvent> events() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }
}
