package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.NotFoundException;
import org.fogcompute.api.cache.CacheService;

@Service
@Command(scope = "fog", name = "cache-clear", description = "Empties one cache namespace in memory and in Redis, "
        + "here and in the other runtimes; other namespaces and other Redis keys stay")
public class CacheClearCommand extends FogAction {
    @Reference(optional = true)
    CacheService cache;

    @Argument(index = 0, name = "namespace", description = "Namespace, as listed by fog:cache-stats", required = true)
    String namespace;

    @Override
    protected Object run() {
        cache.existing(namespace).orElseThrow(() -> new NotFoundException("unknown cache namespace '" + namespace
                + "'")).clear();
        System.out.println("Cache namespace " + namespace + " cleared");
        return null;
    }
}
