package org.fogcompute.rest.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.cache.CacheService;
import org.fogcompute.api.cache.CacheStats;

/** /api/cache: metrics per namespace (viewers) and clearing a namespace (admins). */
final class CacheResource {
    private final Supplier<CacheService> cache;

    CacheResource(Supplier<CacheService> cache) {
        this.cache = cache;
    }

    record Metrics(boolean redisConfigured, boolean redisConnected, List<CacheStats> namespaces) {
    }

    record Cleared(String namespace) {
    }

    void register(Router router) {
        router.get("/cache/metrics", Access.VIEWER, "Cache metrics per namespace", this::metrics).tag("cache")
                .returns(Metrics.class);
        router.post("/cache/clear", Access.ADMIN, "Empty one cache namespace at both levels", this::clear)
                .tag("cache").query("namespace").returns(Cleared.class).errors(404);
    }

    private CacheService cache() {
        return Services.require(cache, "the cache");
    }

    private Object metrics(Call call) {
        CacheService service = cache();
        CacheService.SharedLevel shared = service.sharedLevel();
        return new Metrics(shared.configured(), shared.connected(), service.stats());
    }

    private Object clear(Call call) {
        call.allowQuery(Set.of("namespace"));
        String namespace = call.query("namespace");
        if (namespace == null || !namespace.matches("[A-Za-z0-9._-]{1,64}")) {
            throw ApiException.unprocessable("namespace", "namespace must be 1..64 characters of [A-Za-z0-9._-]");
        }
        cache().existing(namespace).orElseThrow(() -> new NotFoundException("unknown cache namespace '"
                + namespace + "'")).clear();
        return new Cleared(namespace);
    }
}
