package org.fogcompute.api.deployments;

import java.util.Optional;
import org.fogcompute.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Replicated long-running workloads. Every change is stored before it is answered and then carried out by the
 * reconciliation, which keeps each deployment at its count: a replica whose task ends or whose node fails is replaced
 * on another node, and one that cannot be placed waits, the deployment saying why.
 */
@ProviderType
public interface Deployments {

    /**
     * @throws org.fogcompute.api.ConflictException   when a deployment of that name exists
     * @throws org.fogcompute.api.ValidationException an algorithm the load balancer does not have
     */
    Deployment create(DeploymentSpec spec, String owner);

    Optional<Deployment> find(String name);

    Page<Deployment> list(DeploymentQuery query);

    /** @throws org.fogcompute.api.NotFoundException for an unknown name */
    Deployment scale(String name, int replicas);

    /**
     * Replaces the spec; a new workload, resources or placement raises the generation and replaces the replicas
     * rolling, at most {@code maxUnavailable} down at a time. The name cannot change.
     */
    Deployment update(DeploymentSpec spec);

    /** Takes every replica down and forgets the deployment. */
    Deployment delete(String name);

    /**
     * A running replica for one request, by the deployment's algorithm ({@code sessionKey} keeps a caller on one
     * replica with consistent-hash; may be null).
     *
     * @throws org.fogcompute.api.NotFoundException     for an unknown deployment
     * @throws org.fogcompute.api.ConflictException     when no replica runs, or every one's circuit is open
     */
    Resolution resolve(String name, String sessionKey);

    /**
     * How the request of a resolution went: it feeds the node's circuit breaker and response-time balancing.
     *
     * @throws org.fogcompute.api.NotFoundException for a lease that is unknown, reported already or expired
     */
    void report(String name, String leaseId, boolean success, long latencyMillis);
}
