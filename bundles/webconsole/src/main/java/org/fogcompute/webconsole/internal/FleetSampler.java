package org.fogcompute.webconsole.internal;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.fogcompute.api.TopologyService;
import org.fogcompute.api.TopologySnapshot;
import org.fogcompute.api.pools.SharedScheduler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the fleet for the overview's charts: the topology at a fixed interval, and how many routing decisions
 * (tasks assigned to a node) were made since the previous sample, counted from the coordinator's events.
 */
@Component(service = {FleetSampler.class, EventHandler.class}, configurationPid = ConsoleSettings.PID,
        property = "event.topics=fog/task/ASSIGNED")
@Designate(ocd = ConsoleSettings.class)
public final class FleetSampler implements EventHandler {
    /** One point of the charts. */
    record Sample(long epochMillis, TopologySnapshot topology, double routedPerSecond) {
    }

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final TopologyService topology;
    private final LongAdder routed = new LongAdder();
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private final int capacity;
    private final ScheduledExecutorService timer;
    private long lastSampleNanos = System.nanoTime();

    @Activate
    public FleetSampler(@Reference TopologyService topology, @Reference SharedScheduler lanes,
                        ConsoleSettings settings) {
        this.topology = topology;
        this.capacity = Math.max(2, settings.history_samples());
        this.timer = lanes.lane("console-sampler");
        sample();
        long interval = Math.max(1, settings.sample_interval_seconds());
        timer.scheduleAtFixedRate(this::sample, interval, interval, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    @Override
    public void handleEvent(Event event) {
        routed.increment();
    }

    void sample() {
        try {
            long now = System.nanoTime();
            double seconds;
            synchronized (samples) {
                seconds = Math.max(1e-3, (now - lastSampleNanos) / 1e9);
                lastSampleNanos = now;
            }
            Sample sample = new Sample(System.currentTimeMillis(), topology.current(), routed.sumThenReset() / seconds);
            synchronized (samples) {
                if (samples.size() == capacity) {
                    samples.removeFirst();
                }
                samples.addLast(sample);
            }
        } catch (org.fogcompute.api.store.StoreUnavailableException notLoaded) {
            // the fleet is not loaded (database away at start): a gap in the charts, the coordinator logs why
        } catch (RuntimeException e) {
            // a sample missed is a gap in a chart; the timer must survive it
            log.warn("Fleet sample failed: {}", e.toString());
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }
}
