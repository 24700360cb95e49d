package org.fogcompute.api.deployments;

import java.time.Instant;

/**
 * The replica a request should go to, chosen by the deployment's load-balancing algorithm among its running replicas
 * whose node's circuit is not open. The caller reports how the request went with {@code leaseId} before
 * {@code reportBy}; a lease not reported by then counts as a success that took the whole time.
 */
public record Resolution(String deployment, String leaseId, int slot, String nodeId, String endpoint,
                         String algorithm, Instant reportBy) {
}
