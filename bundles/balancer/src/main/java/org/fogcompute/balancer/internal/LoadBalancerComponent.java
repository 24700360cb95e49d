package org.fogcompute.balancer.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.ValidationException;
import org.fogcompute.api.balancing.BalancingAlgorithm;
import org.fogcompute.api.balancing.CircuitBreakers;
import org.fogcompute.api.balancing.CircuitState;
import org.fogcompute.api.balancing.LoadBalancer;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load balancer and the per-node circuit breakers it shares with task routing. Algorithms are services named
 * by {@link BalancingAlgorithm#NAME_PROPERTY} and may come and go; the default is kept in
 * {@code etc/org.fogcompute.balancer.cfg}.
 */
@Component(property = {"fog.service.name=load-balancer", "fog.service.critical=false"},
        service = {LoadBalancer.class, CircuitBreakers.class, org.fogcompute.api.metrics.MetricsSource.class},
        configurationPid = BalancerSettings.PID)
@Designate(ocd = BalancerSettings.class)
public final class LoadBalancerComponent implements LoadBalancer, CircuitBreakers,
        org.fogcompute.api.metrics.MetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(LoadBalancerComponent.class);
    private static final int ATTEMPTS = 3;

    private final NodeCircuitBreakers breakers;
    private final ConfigurationAdmin configurationAdmin;
    private final Map<String, BalancingAlgorithm> algorithms = new ConcurrentHashMap<>();
    private final Map<String, Pool> pools = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();
    private final double alpha;
    /** Defaults this component wrote to its configuration whose echo has not come back yet. */
    private final ArrayDeque<String> unconfirmed = new ArrayDeque<>();
    private volatile String defaultAlgorithm;

    @Activate
    public LoadBalancerComponent(BalancerSettings settings, @Reference ConfigurationAdmin configurationAdmin) {
        this(settings, configurationAdmin, Clock.systemUTC());
    }

    LoadBalancerComponent(BalancerSettings settings, ConfigurationAdmin configurationAdmin, Clock clock) {
        this.breakers = new NodeCircuitBreakers(new BreakerPolicy(settings.breaker_failure_threshold(),
                Duration.ofSeconds(settings.breaker_open_seconds()), settings.breaker_trial_permits(),
                settings.breaker_successes_to_close()), clock);
        this.configurationAdmin = configurationAdmin;
        this.alpha = settings.latency_ewma_alpha();
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("latency.ewma.alpha must be in (0, 1], got " + alpha);
        }
        this.defaultAlgorithm = settings.default_algorithm();
    }

    @Modified
    synchronized void modified(BalancerSettings settings) {
        String configured = settings.default_algorithm();
        if (!unconfirmed.isEmpty() && unconfirmed.peek().equals(configured)) {
            unconfirmed.poll();
            return;
        }
        unconfirmed.clear();
        defaultAlgorithm = configured;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAlgorithm(BalancingAlgorithm algorithm, Map<String, Object> properties) {
        Object name = properties.get(BalancingAlgorithm.NAME_PROPERTY);
        if (name != null) {
            algorithms.put(name.toString(), algorithm);
            LOG.info("Load-balancing algorithm '{}' available", name);
        }
    }

    void unbindAlgorithm(BalancingAlgorithm algorithm, Map<String, Object> properties) {
        Object name = properties.get(BalancingAlgorithm.NAME_PROPERTY);
        if (name != null) {
            algorithms.remove(name.toString(), algorithm);
        }
    }

    // ------------------------------------------------------------------ LoadBalancer

    @Override
    public void setEndpoints(String pool, Map<String, Double> capacityByNode) {
        if (!org.fogcompute.api.Checks.isId(pool)) {
            throw new ValidationException("pool", "pool must be " + org.fogcompute.api.Checks.ID_RULE);
        }
        ReplicaEndpoint[] replicas = new ReplicaEndpoint[capacityByNode.size()];
        int i = 0;
        for (Map.Entry<String, Double> entry : new java.util.TreeMap<>(capacityByNode).entrySet()) {
            Double capacity = entry.getValue();
            if (capacity == null || !(capacity > 0) || capacity.isInfinite()) {
                throw new ValidationException("capacity", "capacity of " + entry.getKey() + " must be positive");
            }
            replicas[i++] = new ReplicaEndpoint(entry.getKey(), capacity, alpha);
        }
        pools.put(pool, new Pool(pool, replicas, versions));
    }

    @Override
    public Optional<Lease> acquire(String poolName, String key, String algorithmName) {
        Pool pool = pools.get(poolName);
        if (pool == null) {
            return Optional.empty();
        }
        BalancingAlgorithm algorithm = algorithm(algorithmName);
        PoolView view = pool.view(breakers);
        if (view.size() == 0) {
            return Optional.empty();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ReplicaEndpoint chosen = view.replica(algorithm.select(view, key));
            if (breakers.tryAcquire(chosen.id())) {
                return Optional.of(lease(pool, chosen));
            }
        }
        // the chosen ones were half-open with no trial left: anyone who may take it
        for (int i = 0; i < view.size(); i++) {
            if (breakers.tryAcquire(view.replica(i).id())) {
                return Optional.of(lease(pool, view.replica(i)));
            }
        }
        return Optional.empty();
    }

    private BalancingAlgorithm algorithm(String requested) {
        if (requested != null) {
            BalancingAlgorithm named = algorithms.get(requested);
            if (named == null) {
                throw new ValidationException("algorithm", "unknown load-balancing algorithm '" + requested
                        + "'; installed: " + algorithms());
            }
            return named;
        }
        BalancingAlgorithm byDefault = algorithms.get(defaultAlgorithm);
        if (byDefault != null) {
            return byDefault;
        }
        BalancingAlgorithm any = algorithms.get("round-robin");
        if (any == null && !algorithms.isEmpty()) {
            any = algorithms.values().iterator().next();
        }
        if (any == null) {
            throw new IllegalStateException("no load-balancing algorithm is installed");
        }
        return any;
    }

    private Lease lease(Pool pool, ReplicaEndpoint replica) {
        pool.started(replica);
        AtomicBoolean done = new AtomicBoolean();
        return new Lease() {
            @Override
            public String nodeId() {
                return replica.id();
            }

            @Override
            public void success(long latencyMicros) {
                if (done.compareAndSet(false, true)) {
                    pool.finished(replica, latencyMicros);
                    breakers.recordSuccess(replica.id());
                }
            }

            @Override
            public void failure(long latencyMicros) {
                if (done.compareAndSet(false, true)) {
                    pool.finished(replica, latencyMicros);
                    breakers.recordFailure(replica.id());
                }
            }
        };
    }

    @Override
    public SortedSet<String> algorithms() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(algorithms.keySet()));
    }

    @Override
    public String defaultAlgorithm() {
        return defaultAlgorithm;
    }

    @Override
    public synchronized void setDefaultAlgorithm(String name) {
        if (!algorithms.containsKey(name)) {
            throw new NotFoundException("unknown load-balancing algorithm '" + name + "'; installed: "
                    + algorithms());
        }
        defaultAlgorithm = name;
        try {
            Configuration configuration = configurationAdmin.getConfiguration(BalancerSettings.PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            properties.put("default.algorithm", name);
            unconfirmed.add(name);
            if (!configuration.updateIfDifferent(properties)) {
                unconfirmed.removeLast();
            }
        } catch (IOException e) {
            unconfirmed.removeLastOccurrence(name);
            LOG.warn("Default load-balancing algorithm set to '{}' but not saved in configuration", name, e);
        }
    }

    // ------------------------------------------------------------------ CircuitBreakers

    @Override
    public boolean admits(String nodeId) {
        return breakers.admits(nodeId);
    }

    @Override
    public void recordSuccess(String nodeId) {
        breakers.recordSuccess(nodeId);
    }

    @Override
    public void recordFailure(String nodeId) {
        breakers.recordFailure(nodeId);
    }

    @Override
    public Optional<CircuitState> state(String nodeId) {
        return breakers.state(nodeId);
    }

    @Override
    public List<CircuitState> states() {
        return breakers.states();
    }

    @Override
    public void reset(String nodeId) {
        breakers.reset(nodeId);
    }

    /** Nodes' circuit breakers by state (counted: never a node id as a label). */
    @Override
    public void collect(org.fogcompute.api.metrics.MetricsSink sink) {
        java.util.Map<org.fogcompute.api.balancing.CircuitState.State, Integer> byState =
                new java.util.EnumMap<>(org.fogcompute.api.balancing.CircuitState.State.class);
        for (org.fogcompute.api.balancing.CircuitState circuit : states()) {
            byState.merge(circuit.state(), 1, Integer::sum);
        }
        for (org.fogcompute.api.balancing.CircuitState.State state
                : org.fogcompute.api.balancing.CircuitState.State.values()) {
            sink.gauge("fog_circuit_breakers", "Nodes' circuit breakers by state", byState.getOrDefault(state, 0),
                    "state", state.name());
        }
    }
}
