package org.fogcompute.rest.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.fogcompute.api.edge.HarvestPolicy;

/** /api/harvest: the devices the idle-compute harvest policy governs, whether each may be used now and why not. */
final class HarvestResource {
    private final Supplier<HarvestPolicy> harvest;

    HarvestResource(Supplier<HarvestPolicy> harvest) {
        this.harvest = harvest;
    }

    record DeviceList(List<HarvestPolicy.Device> devices, long eligible) {
    }

    void register(Router router) {
        router.get("/harvest/devices", Access.VIEWER, "Devices that opted in to harvest (label harvest=true, not "
                + "servers): eligible or the reason not, the running session's start, the cooldown's end",
                this::devices).tag("harvest").returns(DeviceList.class);
    }

    private Object devices(Call call) {
        call.allowQuery(Set.of());
        List<HarvestPolicy.Device> devices = Services.require(harvest, "the harvest policy").devices();
        return new DeviceList(devices, devices.stream().filter(HarvestPolicy.Device::eligible).count());
    }
}
