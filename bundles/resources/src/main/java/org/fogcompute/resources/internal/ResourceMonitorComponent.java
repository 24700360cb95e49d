package org.fogcompute.resources.internal;

import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.metrics.MetricsSink;
import org.fogcompute.api.metrics.MetricsSource;
import org.fogcompute.api.pools.SharedScheduler;
import org.fogcompute.api.resources.ResourceAlert;
import org.fogcompute.api.resources.ResourceMonitor;
import org.fogcompute.api.resources.ResourceSample.Resource;
import org.fogcompute.api.resources.ResourceSample;
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
 * The host's and the runtime's resources every {@code sample.seconds} (5), the last {@code history.size} (1,000)
 * kept: alerts with hysteresis posted once per crossing and once when cleared ({@code fog/resource/ALERT_*}), trends
 * over the last minutes, and what to do about a resource that is high or heading there.
 */
@Component(service = {ResourceMonitor.class, MetricsSource.class}, configurationPid = ResourceMonitorComponent.PID,
        property = {"fog.service.name=resource-monitor", "fog.service.critical=false"})
@Designate(ocd = ResourceMonitorComponent.Config.class)
public class ResourceMonitorComponent implements ResourceMonitor, MetricsSource {
    static final String PID = "org.fogcompute.resources.monitor";
    private static final Logger LOG = LoggerFactory.getLogger(ResourceMonitorComponent.class);
    /** Samples the trends are computed over: five minutes at the default interval. */
    private static final int TREND_WINDOW = 60;

    @ObjectClassDefinition(name = "Fog resource monitor", description = "Host and runtime resources, alerts, "
            + "trends")
    public @interface Config {
        @AttributeDefinition(name = "Sample every (s)")
        long sample_seconds() default 5;

        @AttributeDefinition(name = "Samples kept")
        int history_size() default 1000;

        double cpu_warning_percent() default 80;

        double cpu_critical_percent() default 95;

        double memory_warning_percent() default 85;

        double memory_critical_percent() default 95;

        double disk_warning_percent() default 85;

        double disk_critical_percent() default 95;

        double network_warning_percent() default 80;

        double network_critical_percent() default 95;

        @AttributeDefinition(name = "Link speed (Mbps)", description = "What network percentages are of")
        double network_link_mbps() default 1000;

        @AttributeDefinition(name = "Hysteresis (points)", description = "An alert clears this far below its "
                + "threshold")
        double hysteresis_percent() default 5;
    }

    private final ProcSampler sampler;
    private final AlertBook alerts;
    private final Deque<ResourceSample> history = new ArrayDeque<>();
    private final ScheduledExecutorService worker;
    private volatile int historySize;
    private volatile Map<Resource, AlertBook.Limits> limits;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Activate
    public ResourceMonitorComponent(@Reference SharedScheduler scheduler, Config config) {
        this.worker = scheduler.lane("resource-monitor");
        this.sampler = new ProcSampler(Paths.get("/proc"), Paths.get(System.getProperty("karaf.data", ".")),
                Clock.systemUTC(), config.network_link_mbps());
        this.limits = limitsOf(config);
        this.alerts = new AlertBook(limits, Math.max(0, config.hysteresis_percent()));
        this.historySize = Math.max(10, config.history_size());
        worker.scheduleWithFixedDelay(this::sample, 0, Math.max(1, config.sample_seconds()), TimeUnit.SECONDS);
    }

    @Modified
    void modified(Config config) {
        limits = limitsOf(config);
        alerts.limits(limits, Math.max(0, config.hysteresis_percent()));
        sampler.linkMbps(config.network_link_mbps());
        historySize = Math.max(10, config.history_size());
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    private static Map<Resource, AlertBook.Limits> limitsOf(Config c) {
        Map<Resource, AlertBook.Limits> limits = new EnumMap<>(Resource.class);
        limits.put(Resource.CPU, new AlertBook.Limits(c.cpu_warning_percent(), c.cpu_critical_percent()));
        limits.put(Resource.MEMORY, new AlertBook.Limits(c.memory_warning_percent(), c.memory_critical_percent()));
        limits.put(Resource.DISK, new AlertBook.Limits(c.disk_warning_percent(), c.disk_critical_percent()));
        limits.put(Resource.NETWORK, new AlertBook.Limits(c.network_warning_percent(),
                c.network_critical_percent()));
        return limits;
    }

    private void sample() {
        try {
            ResourceSample sample = sampler.sample();
            synchronized (history) {
                history.addLast(sample);
                while (history.size() > historySize) {
                    history.removeFirst();
                }
            }
            AlertBook.Changes changes = alerts.observe(sample);
            changes.raised().forEach(a -> announce(ALERT_RAISED_TOPIC, a));
            changes.cleared().forEach(a -> announce(ALERT_CLEARED_TOPIC, a));
        } catch (RuntimeException e) {
            LOG.warn("Resources not sampled: {}", e.toString());
        }
    }

    private void announce(String topic, ResourceAlert alert) {
        String line = String.format(java.util.Locale.ROOT, "%s %s alert %s: %.1f %% (threshold %.0f %%)",
                alert.resource(), alert.severity(), alert.active() ? "raised" : "cleared", alert.value(),
                alert.threshold());
        if (alert.active()) {
            LOG.warn(line);
        } else {
            LOG.info(line);
        }
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(topic, Map.of("resource", alert.resource().name(), "severity",
                    alert.severity().name(), "value", alert.value(), "threshold", alert.threshold())));
        }
    }

    @Override
    public Optional<ResourceSample> latest() {
        synchronized (history) {
            return Optional.ofNullable(history.peekLast());
        }
    }

    @Override
    public List<ResourceSample> history(int limit) {
        synchronized (history) {
            List<ResourceSample> all = new ArrayList<>(history);
            return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
        }
    }

    @Override
    public Map<Resource, Trend> trends() {
        return Trends.of(history(TREND_WINDOW));
    }

    @Override
    public List<ResourceAlert> activeAlerts() {
        return alerts.active();
    }

    @Override
    public List<ResourceAlert> recentAlerts(int limit) {
        return alerts.recent(limit);
    }

    @Override
    public List<Recommendation> recommendations() {
        return Trends.recommendations(history(TREND_WINDOW), limits);
    }

    @Override
    public void collect(MetricsSink sink) {
        latest().ifPresent(s -> {
            gauge(sink, "fog_host_cpu_percent", "The host's cpu in use", s.cpuPercent());
            gauge(sink, "fog_host_memory_percent", "The host's memory in use (all but what Linux counts as "
                    + "available)", s.memoryPercent());
            gauge(sink, "fog_host_disk_percent", "The data directory's volume in use", s.diskPercent());
            gauge(sink, "fog_host_network_mbps", "Network throughput, the busier direction", s.networkMbps());
            gauge(sink, "fog_process_cpu_percent", "The runtime's share of the host's cpus", s.processCpuPercent());
        });
        sink.gauge("fog_resource_alerts", "Active resource alerts", alerts.active().size());
    }

    private static void gauge(MetricsSink sink, String name, String help, double value) {
        if (!Double.isNaN(value)) {
            sink.gauge(name, help, value);
        }
    }
}
