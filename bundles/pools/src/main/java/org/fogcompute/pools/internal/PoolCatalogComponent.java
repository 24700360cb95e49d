package org.fogcompute.pools.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fogcompute.api.metrics.MetricsSink;
import org.fogcompute.api.metrics.MetricsSource;
import org.fogcompute.api.pools.PoolCatalog;
import org.fogcompute.api.pools.PoolSource;
import org.fogcompute.api.pools.PoolStats;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every pool in one view: the pools of each {@link PoolSource} registered now (a bundle that stops takes its pools
 * with it), also as metrics labelled by pool name, a fixed set per bundle.
 */
@Component(service = {PoolCatalog.class, MetricsSource.class})
public class PoolCatalogComponent implements PoolCatalog, MetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(PoolCatalogComponent.class);

    private final List<PoolSource> sources = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(PoolSource source) {
        sources.add(source);
    }

    void removeSource(PoolSource source) {
        sources.remove(source);
    }

    @Override
    public List<PoolStats> pools() {
        List<PoolStats> pools = new ArrayList<>();
        for (PoolSource source : sources) {
            try {
                pools.addAll(source.pools());
            } catch (RuntimeException failed) {
                // one source that cannot answer must not hide the others
                LOG.warn("A pool source did not answer: {}", failed.toString());
            }
        }
        pools.sort(Comparator.comparing(PoolStats::name));
        return pools;
    }

    @Override
    public void collect(MetricsSink sink) {
        for (PoolStats pool : pools()) {
            String[] labels = {"pool", pool.name(), "kind", pool.kind()};
            sink.gauge("fog_pool_size", "Members of a pool now (threads, open connections)", pool.size(), labels);
            sink.gauge("fog_pool_active", "Members of a pool in use", pool.active(), labels);
            sink.gauge("fog_pool_waiting", "Callers or tasks waiting for a member of a pool", pool.waiting(), labels);
            if (pool.max() >= 0) {
                sink.gauge("fog_pool_max", "The most members a pool may have", pool.max(), labels);
            }
            if (pool.uses() >= 0) {
                sink.counter("fog_pool_uses_total", "Members handed out (tasks run, connections borrowed)",
                        pool.uses(), labels);
            }
            if (pool.created() >= 0) {
                sink.counter("fog_pool_created_total", "Members created", pool.created(), labels);
            }
        }
    }
}
