package org.fogcompute.rest.internal;

import java.util.Set;
import java.util.function.Supplier;
import org.fogcompute.api.resources.MemoryPressure;

/** /api/resources: the runtime's own resources. Viewers read them. */
final class ResourcesResource {
    private final Supplier<MemoryPressure> memory;
    private final Supplier<org.fogcompute.api.resources.ResourceMonitor> monitor;

    ResourcesResource(Supplier<MemoryPressure> memory, Supplier<org.fogcompute.api.resources.ResourceMonitor> monitor) {
        this.memory = memory;
        this.monitor = monitor;
    }

    record Monitor(org.fogcompute.api.resources.ResourceSample latest,
                   java.util.Map<org.fogcompute.api.resources.ResourceSample.Resource,
                           org.fogcompute.api.resources.ResourceMonitor.Trend> trends,
                   java.util.List<org.fogcompute.api.resources.ResourceAlert> activeAlerts,
                   java.util.List<org.fogcompute.api.resources.ResourceMonitor.Recommendation> recommendations) {
    }

    record Memory(String level, String pool, long usedAfterGcBytes, long maxBytes, double usedPercent,
                  int batchLimitUnderPressure) {
    }

    void register(Router router) {
        router.get("/resources/memory", Access.VIEWER, "Read the memory pressure: level, and the old generation's "
                + "usage after collections", this::memory).tag("resources").returns(Memory.class);
        router.get("/resources/monitor", Access.VIEWER, "Read the host's and the runtime's resources now: the latest "
                + "sample, trends, active alerts, recommendations", this::monitor).tag("resources")
                .returns(Monitor.class);
        router.get("/resources/history", Access.VIEWER, "Read the resource samples, oldest first", this::history)
                .tag("resources").query("limit").returns(org.fogcompute.api.resources.ResourceSample.class,
                        Route.Shape.LIST);
        router.get("/resources/alerts", Access.VIEWER, "Read the resource alerts raised recently, newest first",
                this::alerts).tag("resources").query("limit")
                .returns(org.fogcompute.api.resources.ResourceAlert.class, Route.Shape.LIST);
    }

    private org.fogcompute.api.resources.ResourceMonitor monitor() {
        return Services.require(monitor, "the resource monitor");
    }

    private Object monitor(Call call) {
        call.allowQuery(Set.of());
        org.fogcompute.api.resources.ResourceMonitor m = monitor();
        return new Monitor(m.latest().orElse(null), m.trends(), m.activeAlerts(), m.recommendations());
    }

    private Object history(Call call) {
        call.allowQuery(Set.of("limit"));
        return monitor().history(call.queryInt("limit", 1000, 1, 1000));
    }

    private Object alerts(Call call) {
        call.allowQuery(Set.of("limit"));
        return monitor().recentAlerts(call.queryInt("limit", 100, 1, 200));
    }

    private Object memory(Call call) {
        call.allowQuery(Set.of());
        MemoryPressure pressure = Services.require(memory, "the memory pressure service");
        MemoryPressure.Reading reading = pressure.reading();
        return new Memory(reading.level().name(), reading.pool(), reading.usedAfterGcBytes(), reading.maxBytes(),
                Math.round(reading.usedPercent() * 10) / 10.0, pressure.batchLimitUnderPressure());
    }
}
