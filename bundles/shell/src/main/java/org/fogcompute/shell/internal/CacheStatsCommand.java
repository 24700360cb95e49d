package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.cache.CacheService;

@Service
@Command(scope = "fog", name = "cache-stats", description = "Cache hits, misses, hit rate, errors, read latency and "
        + "entries per namespace, and whether Redis is connected")
public class CacheStatsCommand extends FogAction {
    @Reference(optional = true)
    CacheService cache;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        Tables.cacheStats(cache.stats(), cache.sharedLevel(), System.out, !noFormat);
        return null;
    }
}
