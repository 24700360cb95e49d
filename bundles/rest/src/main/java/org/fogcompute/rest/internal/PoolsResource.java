package org.fogcompute.rest.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.fogcompute.api.pools.PoolCatalog;
import org.fogcompute.api.pools.PoolStats;

/** /api/pools: every pool of the runtime. Viewers read it. */
final class PoolsResource {
    private final Supplier<PoolCatalog> catalog;

    PoolsResource(Supplier<PoolCatalog> catalog) {
        this.catalog = catalog;
    }

    /** A pool; a figure its library does not count is null. */
    record Pool(String name, String kind, String owner, Long size, Long max, Long active, Long idle, Long waiting,
                Long created, Long reused, Double reuseRate, String note) {
        static Pool of(PoolStats p) {
            return new Pool(p.name(), p.kind(), p.owner(), known(p.size()), known(p.max()), known(p.active()),
                    known(p.idle()), known(p.waiting()), known(p.created()), known(p.reused()),
                    p.reuseRate() < 0 ? null : Math.round(p.reuseRate() * 10_000) / 10_000.0, p.note());
        }

        private static Long known(long value) {
            return value < 0 ? null : value;
        }
    }

    void register(Router router) {
        router.get("/pools", Access.VIEWER, "Read every pool of the runtime: the shared scheduler's threads and lanes, "
                + "database and Redis connections, with size, active, idle, waiting, created, reused and reuse rate "
                + "(null where the pool's library does not count it)", this::pools).tag("resources")
                .returns(Pool.class, Route.Shape.LIST);
    }

    private Object pools(Call call) {
        call.allowQuery(Set.of());
        List<PoolStats> pools = Services.require(catalog, "the pools service").pools();
        return pools.stream().map(Pool::of).toList();
    }
}
