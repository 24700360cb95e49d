package org.fogcompute.api.edge;

import java.time.Instant;
import org.fogcompute.api.NodeSpec;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Idle-compute harvest (L2): whether a device that opted in may be given work now (charging, battery, temperature,
 * network, user, the harvest window, the session cap and its cooldown). Nodes that did not opt in, and servers, are
 * always eligible. The coordinator reports every heartbeat; the policy keeps each node's state between them.
 */
@ProviderType
public interface HarvestPolicy {
    /**
     * Takes a heartbeat into the node's state and says what may be used of it now: the full capacity, or
     * {@link Allocation#drained} with the reason while it is not eligible.
     */
    Allocation observe(NodeSpec node, DeviceTelemetry telemetry, Instant now);

    /** How long the tasks of a node that left eligibility may run on before they are given back to the queue. */
    java.time.Duration drainGrace();

    /** The node left the fleet: its state is forgotten. */
    void forget(String nodeId);

    /**
     * A device the policy governs, as of its last heartbeat: whether it may be harvested, why not, since when its
     * session runs, until when it cools down after a full session.
     */
    record Device(String nodeId, boolean eligible, String reason, Instant sessionStart, Instant coolingUntil) {
    }

    /** Every device the policy governs (opted in, not a server), by node id. */
    java.util.List<Device> devices();
}
