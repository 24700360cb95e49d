package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.fogcompute.api.pools.PoolCatalog;

@Service
@Command(scope = "fog", name = "pool-list", description = "Every pool of the runtime as its library counts it: the "
        + "shared scheduler's threads and lanes, database and Redis connections (size, active, idle, waiting, "
        + "created, reused, reuse rate; n/a where the library does not count it)")
public class PoolListCommand extends FogAction {
    @Reference(optional = true)
    PoolCatalog pools;

    @Override
    protected Object run() {
        Tables.pools(pools.pools(), System.out, true);
        return null;
    }
}
