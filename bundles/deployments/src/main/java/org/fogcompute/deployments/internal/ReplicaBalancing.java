package org.fogcompute.deployments.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.balancing.LoadBalancer;
import org.fogcompute.api.deployments.DeploymentSpec;
import org.fogcompute.api.deployments.Replica;
import org.fogcompute.api.deployments.Resolution;

/**
 * The deployments' side of load balancing: each deployment's running replicas are a pool of the load balancer, a
 * resolution is a lease on one of them, and the caller's report of it (or, unreported, its expiry) is what feeds the
 * node's circuit breaker and the response times the algorithms balance by.
 */
final class ReplicaBalancing {
    /** A resolution must be reported within this long, else it counts as a success that took all of it. */
    static final long LEASE_SECONDS = 60;
    /** Unreported resolutions kept at most; beyond, the oldest is settled early. */
    static final int MAX_OPEN_LEASES = 100_000;

    private record OpenLease(String deployment, LoadBalancer.Lease lease, Instant reportBy) {
    }

    private final Clock clock;
    private final DeploymentMetrics metrics;
    private volatile LoadBalancer balancer;
    /** What each deployment's pool was last set to; guarded by this. */
    private final Map<String, Map<String, Double>> published = new HashMap<>();
    /** Resolutions not reported yet, oldest first; guarded by itself. */
    private final Map<String, OpenLease> leases = new LinkedHashMap<>();
    /** {@code leases.size()}, written under its lock, read by scrapes without it. */
    private volatile int openLeases;

    ReplicaBalancing(Clock clock, DeploymentMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    static String pool(String deployment) {
        return DeploymentsComponent.JOB_PREFIX + deployment;
    }

    /** A balancer that (re)starts has no pools: every deployment's is set again at the next pass. */
    synchronized void bind(LoadBalancer lb) {
        published.clear();
        balancer = lb;
    }

    synchronized void unbind(LoadBalancer lb) {
        if (balancer == lb) {
            balancer = null;
        }
    }

    void checkAlgorithm(DeploymentSpec spec) {
        LoadBalancer lb = balancer;
        if (spec.algorithm() != null && lb != null && !lb.algorithms().contains(spec.algorithm())) {
            throw new ValidationException("algorithm", "no load-balancing algorithm '" + spec.algorithm()
                    + "'; there are " + lb.algorithms());
        }
    }

    /**
     * Sets the deployment's pool to these nodes and weights, only when they changed, since a new pool starts its
     * replicas' in-flight counts and response times afresh.
     */
    synchronized void publish(String deployment, Map<String, Double> endpoints) {
        LoadBalancer lb = balancer;
        if (lb != null && !endpoints.equals(published.get(deployment))) {
            lb.setEndpoints(pool(deployment), endpoints);
            published.put(deployment, endpoints);
        }
    }

    /** The deployment is gone: its pool is emptied. */
    synchronized void forget(String deployment) {
        LoadBalancer lb = balancer;
        if (lb != null) {
            lb.setEndpoints(pool(deployment), Map.of());
        }
        published.remove(deployment);
    }

    void requireBalancer() {
        if (balancer == null) {
            metrics.unresolved(DeploymentMetrics.Unresolved.NO_BALANCER);
            throw new ConflictException("the load balancer is not running; replicas cannot be resolved now");
        }
    }

    /** One of {@code running} (by node) for one request, by the deployment's algorithm, as a lease. */
    Resolution resolve(String name, DeploymentSpec spec, Map<String, Replica> running, String sessionKey) {
        LoadBalancer lb = balancer;
        if (lb == null) {
            requireBalancer();
        }
        if (running.isEmpty()) {
            metrics.unresolved(DeploymentMetrics.Unresolved.NO_RUNNING_REPLICA);
            throw new ConflictException("deployment '" + name + "' has no running replica");
        }
        Optional<LoadBalancer.Lease> acquired = lb.acquire(pool(name), sessionKey, spec.algorithm());
        if (acquired.isEmpty()) {
            metrics.unresolved(DeploymentMetrics.Unresolved.CIRCUITS_OPEN);
            throw new ConflictException("every running replica of '" + name + "' is on a node whose circuit is open");
        }
        LoadBalancer.Lease lease = acquired.get();
        Replica replica = running.get(lease.nodeId());
        if (replica == null) { // the pool was a moment behind the replicas: settle and say so
            lease.success(0);
            metrics.unresolved(DeploymentMetrics.Unresolved.CHANGING);
            throw new ConflictException("deployment '" + name + "' is changing; retry");
        }
        String id = UUID.randomUUID().toString();
        Instant reportBy = clock.instant().plusSeconds(LEASE_SECONDS);
        synchronized (leases) {
            if (leases.size() >= MAX_OPEN_LEASES) {
                String oldest = leases.keySet().iterator().next();
                settle(leases.remove(oldest));
            }
            leases.put(id, new OpenLease(name, lease, reportBy));
            openLeases = leases.size();
        }
        metrics.resolved();
        return new Resolution(name, id, replica.slot(), replica.nodeId(), replica.endpoint(),
                spec.algorithm() == null ? lb.defaultAlgorithm() : spec.algorithm(), reportBy);
    }

    void report(String name, String leaseId, boolean success, long latencyMillis) {
        if (latencyMillis < 0 || latencyMillis > TimeUnit.HOURS.toMillis(1)) {
            throw new ValidationException("latencyMillis", "latencyMillis is 0..3600000, got " + latencyMillis);
        }
        OpenLease open;
        synchronized (leases) {
            open = leases.get(leaseId);
            if (open == null || !open.deployment().equals(name)) {
                throw new NotFoundException("no open resolution '" + leaseId + "' of '" + name
                        + "' (reported already, expired after " + LEASE_SECONDS + " s, or never made)");
            }
            leases.remove(leaseId);
            openLeases = leases.size();
        }
        long micros = TimeUnit.MILLISECONDS.toMicros(latencyMillis);
        metrics.reported(success);
        if (success) {
            open.lease().success(micros);
        } else {
            open.lease().failure(micros);
        }
    }

    /** Resolutions past their report time count as successes that took all of it. */
    void settleExpired() {
        Instant now = clock.instant();
        synchronized (leases) {
            for (var it = leases.values().iterator(); it.hasNext(); ) {
                OpenLease open = it.next();
                if (open.reportBy().isAfter(now)) {
                    break; // oldest first: the rest are younger
                }
                it.remove();
                settle(open);
            }
            openLeases = leases.size();
        }
    }

    /** Stopping: every open resolution is settled, so that the balancer's in-flight counts come back down. */
    void settleAll() {
        synchronized (leases) {
            leases.values().forEach(this::settle);
            leases.clear();
            openLeases = 0;
        }
    }

    private void settle(OpenLease open) {
        open.lease().success(TimeUnit.SECONDS.toMicros(LEASE_SECONDS));
        metrics.expired(1);
    }

    int openLeases() {
        return openLeases;
    }
}
