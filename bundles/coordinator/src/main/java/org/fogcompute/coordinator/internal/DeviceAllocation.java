package org.fogcompute.coordinator.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.fogcompute.api.Capacity;
import org.fogcompute.api.edge.Allocation;
import org.fogcompute.api.edge.DeviceProfiles;
import org.fogcompute.api.edge.DeviceTelemetry;
import org.fogcompute.api.edge.HarvestPolicy;

/**
 * What may be used of each node, from the platform's lower layers when they are installed: the device profiles' caps
 * (L1, edge) and the harvest policy's eligibility (L2). Without either, every node offers its declared capacity.
 * Entries are changed under the coordinator's lock; the services come and go on DS threads.
 */
final class DeviceAllocation {
    private final AtomicReference<DeviceProfiles> profiles = new AtomicReference<>();
    private final AtomicReference<HarvestPolicy> harvest = new AtomicReference<>();

    void profiles(DeviceProfiles installed) {
        profiles.set(installed);
    }

    /** Forgets {@code gone} unless others replaced it meanwhile; nodes get their full capacity back. */
    void profilesGone(DeviceProfiles gone) {
        profiles.compareAndSet(gone, null);
    }

    void harvest(HarvestPolicy installed) {
        harvest.set(installed);
    }

    /** Forgets {@code gone} unless another replaced it meanwhile. */
    void harvestGone(HarvestPolicy gone) {
        harvest.compareAndSet(gone, null);
    }

    /**
     * Sets what may be used of the node from its last telemetry: the device profile's caps and, for a node that opted
     * in to harvest, its eligibility. A node that must give its tasks back starts its drain grace here.
     */
    void allocate(NodeEntry entry, Instant now) {
        DeviceProfiles caps = profiles.get();
        HarvestPolicy policy = harvest.get();
        entry.deviceClass = caps == null ? null : caps.classify(entry.spec, entry.metrics.device());
        Allocation allocation = null;
        if (caps != null || policy != null) {
            DeviceTelemetry telemetry = entry.metrics.device();
            Capacity declared = entry.spec.capacity();
            allocation = Allocation.full(declared.cpuCores(), declared.memoryMb());
            if (caps != null) {
                allocation = allocation.min(caps.allocatable(entry.spec, telemetry));
            }
            if (policy != null) {
                allocation = allocation.min(policy.observe(entry.spec, telemetry, now));
            }
            if (allocation.reason() == null) {
                allocation = null;
            }
        }
        entry.allocation = allocation;
        if (allocation == null || !allocation.drain()) {
            entry.drainingSince = null;
        } else if (entry.drainingSince == null) {
            entry.drainingSince = now;
        }
    }

    /** Whether the node left harvest eligibility longer ago than the grace and still holds tasks. */
    boolean drainExpired(NodeEntry entry, Instant now) {
        HarvestPolicy policy = harvest.get();
        return entry.drainingSince != null && !entry.taskIds.isEmpty() && policy != null
                && !now.isBefore(entry.drainingSince.plus(policy.drainGrace()));
    }

    /** The node left the fleet (its removal is committed): the harvest policy forgets its state. */
    void forget(String nodeId) {
        HarvestPolicy policy = harvest.get();
        if (policy != null) {
            policy.forget(nodeId);
        }
    }
}
