package org.fogcompute.api.deployments;

import java.time.Instant;
import java.util.List;

/**
 * A deployment now: its spec, its generation (raised by every update of the workload or placement), its replicas,
 * how many run the current generation, and why it is not complete when it is not.
 */
public record Deployment(DeploymentSpec spec, long generation, String owner, Instant createdAt, Instant updatedAt,
                         List<Replica> replicas, int ready, String problem) {
    public Deployment {
        replicas = List.copyOf(replicas);
    }

    public String name() {
        return spec.name();
    }

    /** Every replica asked for runs the current generation. */
    public boolean complete() {
        return ready == spec.replicas() && replicas.size() == spec.replicas();
    }
}
