package org.fogcompute.rest.internal;

import java.util.Set;
import java.util.function.Supplier;
import org.fogcompute.api.resources.MemoryPressure;

/** /api/resources: the runtime's own resources. Viewers read them. */
final class ResourcesResource {
    private final Supplier<MemoryPressure> memory;

    ResourcesResource(Supplier<MemoryPressure> memory) {
        this.memory = memory;
    }

    record Memory(String level, String pool, long usedAfterGcBytes, long maxBytes, double usedPercent,
                  int batchLimitUnderPressure) {
    }

    void register(Router router) {
        router.get("/resources/memory", Access.VIEWER, "Read the memory pressure: level, and the old generation's "
                + "usage after collections", this::memory).tag("resources").returns(Memory.class);
    }

    private Object memory(Call call) {
        call.allowQuery(Set.of());
        MemoryPressure pressure = Services.require(memory, "the memory pressure service");
        MemoryPressure.Reading reading = pressure.reading();
        return new Memory(reading.level().name(), reading.pool(), reading.usedAfterGcBytes(), reading.maxBytes(),
                Math.round(reading.usedPercent() * 10) / 10.0, pressure.batchLimitUnderPressure());
    }
}
