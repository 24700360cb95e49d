package org.fogcompute.api.edge;

import org.fogcompute.api.NodeSpec;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Device profiles (L1): a node's class and the share of its capacity the runtime may use, from what it declared and
 * the telemetry it reported last. The coordinator asks at every heartbeat; answers must be cheap and pure.
 */
@ProviderType
public interface DeviceProfiles {
    DeviceClass classify(NodeSpec node, DeviceTelemetry telemetry);

    /** At most the declared capacity; less on a low battery or a hot cpu. */
    Allocation allocatable(NodeSpec node, DeviceTelemetry telemetry);
}
