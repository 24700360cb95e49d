package org.fogcompute.cache.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.fogcompute.api.cache.CacheService;
import org.fogcompute.api.cache.CacheStats;
import org.fogcompute.api.cache.CacheWarmer;
import org.fogcompute.api.cache.FogCache;
import org.fogcompute.api.pools.PoolSource;
import org.fogcompute.api.pools.PoolStats;
import org.fogcompute.api.pools.SharedScheduler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache as an OSGi service, configured by {@code etc/org.fogcompute.cache.cfg}. Each {@link CacheWarmer} runs
 * once when it (or the cache) arrives, off the caller's thread, within the warm-up time limit, and its result is
 * logged.
 */
@Component(property = {"fog.service.name=cache", "fog.service.critical=false", "hc.name=Fog cache",
    "hc.tags=fog", org.osgi.service.event.EventConstants.EVENT_TOPIC + "="
    + org.fogcompute.api.resources.MemoryPressure.TOPIC}, service = {CacheService.class, HealthCheck.class,
    org.fogcompute.api.metrics.MetricsSource.class, org.osgi.service.event.EventHandler.class, PoolSource.class},
    configurationPid = CacheSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CacheSettings.class)
public final class CacheServiceComponent implements CacheService, HealthCheck,
        org.fogcompute.api.metrics.MetricsSource, org.osgi.service.event.EventHandler, PoolSource {
    private static final Logger LOG = LoggerFactory.getLogger(CacheServiceComponent.class);

    private final CacheEngine engine;
    private final long warmTimeoutSeconds;
    private final SharedScheduler scheduler;
    private final ExecutorService warming;

    @Activate
    public CacheServiceComponent(@Reference SharedScheduler scheduler, CacheSettings settings) {
        this.scheduler = scheduler;
        this.warming = scheduler.lane("cache-warmer");
        this.engine = new CacheEngine(CacheEngine.Options.of(settings), TimeSource.SYSTEM, scheduler);
        this.warmTimeoutSeconds = settings.warm_timeout_seconds();
        LOG.info("Cache started: {} entries per namespace in memory, default time to live {} s, shared level {}",
                settings.memory_max_entries(), settings.default_ttl_seconds(),
                settings.redis_uri().isBlank() ? "off" : engine.sharedLevel().uri());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindWarmer(CacheWarmer warmer) {
        warming.execute(() -> warm(warmer));
    }

    void unbindWarmer(CacheWarmer warmer) {
        // a warmer runs once; nothing to undo
    }

    private void warm(CacheWarmer warmer) {
        String name = warmer.getClass().getName();
        long started = System.nanoTime();
        // a lane of its own per warmer, so one that ignores the time limit holds up no other
        ExecutorService runner = scheduler.lane("cache-warm-run");
        try {
            FogCache cache = engine.namespace(warmer.namespace());
            Future<Integer> loaded = runner.submit(() -> warmer.warm(cache));
            int entries = loaded.get(warmTimeoutSeconds, TimeUnit.SECONDS);
            LOG.info("Cache warmer {} loaded {} entries into '{}' in {} ms", name, entries, warmer.namespace(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (TimeoutException e) {
            LOG.warn("Cache warmer {} stopped after the time limit of {} s", name, warmTimeoutSeconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Cache warmer {} failed: {}", name, e.getMessage(), e);
        } finally {
            runner.shutdownNow();
        }
    }

    /**
     * Health for Felix Health Checks: a configured Redis that does not answer is a warning, not a failure — the
     * cache keeps serving from memory and restarting it would not bring Redis back.
     */
    @Override
    public Result execute() {
        SharedLevel shared = engine.sharedLevel();
        if (!shared.configured()) {
            return new Result(Result.Status.OK, "memory only");
        }
        return shared.connected() ? new Result(Result.Status.OK, "Redis at " + shared.uri() + " connected")
                : new Result(Result.Status.WARN, "Redis at " + shared.uri() + " not reachable; serving from memory");
    }

    @Override
    public List<PoolStats> pools() {
        return engine.pools("org.fogcompute.cache");
    }

    @Deactivate
    void deactivate() {
        warming.shutdownNow();
        engine.close();
    }

    @Override
    public FogCache namespace(String name) {
        return engine.namespace(name);
    }

    @Override
    public Optional<FogCache> existing(String name) {
        return engine.existing(name);
    }

    @Override
    public List<CacheStats> stats() {
        return engine.stats();
    }

    @Override
    public void publish(String event) {
        engine.publish(event);
    }

    @Override
    public SharedLevel sharedLevel() {
        return engine.sharedLevel();
    }

    /** Memory pressure HIGH or CRITICAL shrinks the memory levels to a tenth; once it eases they grow back. */
    @Override
    public void handleEvent(org.osgi.service.event.Event event) {
        Object level = event.getProperty("level");
        boolean shrink = "HIGH".equals(level) || "CRITICAL".equals(level);
        engine.shrinkMemory(shrink);
        LOG.info("Memory pressure {}: the cache's memory levels {}", level, shrink
                ? "shrink to a tenth of their size" : "may use their full size again");
    }

    /** Per namespace (a handful, named in code: never a key): reads by where they were served, loads, errors. */
    @Override
    public void collect(org.fogcompute.api.metrics.MetricsSink sink) {
        for (org.fogcompute.api.cache.CacheStats namespace : stats()) {
            String name = namespace.namespace();
            sink.counter("fog_cache_reads_total", "Cache reads by namespace and where they were served",
                    namespace.memoryHits(), "namespace", name, "result", "memory_hit");
            sink.counter("fog_cache_reads_total", "Cache reads by namespace and where they were served",
                    namespace.sharedHits(), "namespace", name, "result", "redis_hit");
            sink.counter("fog_cache_reads_total", "Cache reads by namespace and where they were served",
                    namespace.misses(), "namespace", name, "result", "miss");
            sink.counter("fog_cache_loads_total", "Values loaded after a miss, by namespace", namespace.loads(),
                    "namespace", name);
            sink.counter("fog_cache_errors_total", "Cache errors (Redis unreachable...), by namespace",
                    namespace.errors(), "namespace", name);
            sink.gauge("fog_cache_entries", "Entries in memory, by namespace", namespace.entries(), "namespace", name);
            sink.gauge("fog_cache_read_p50_seconds", "Median read latency by namespace, recent reads",
                    namespace.p50Micros() / 1e6, "namespace", name);
            sink.gauge("fog_cache_read_p99_seconds", "99th percentile read latency by namespace, recent reads",
                    namespace.p99Micros() / 1e6, "namespace", name);
        }
    }
}
